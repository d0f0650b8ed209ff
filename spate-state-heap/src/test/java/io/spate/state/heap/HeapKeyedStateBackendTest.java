package io.spate.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.state.ListState;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.MapState;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ReducingState;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.common.time.Clock;
import io.spate.core.serialization.SerializerFactory;
import io.spate.core.state.KeyGroupRange;
import io.spate.core.state.KeyGroups;
import io.spate.core.state.KeyedBackendParameters;
import io.spate.core.state.KeyedStateBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeapKeyedStateBackendTest {
    private static final int MAX_PARALLELISM = 128;

    /** Subtask 0 of 2: key groups [0, 63]. */
    private static final KeyGroupRange RANGE = KeyGroups.rangeOf(0, MAX_PARALLELISM, 2);

    private HeapKeyedStateBackend<String> backend;
    private List<String> ownKeys;
    private String foreignKey;

    @BeforeEach
    void setUp() {
        backend = create("counter", Types.STRING);
        ownKeys = new ArrayList<>();
        for (int i = 0; ownKeys.size() < 20 || foreignKey == null; i++) {
            String key = "key-" + i;
            if (RANGE.contains(KeyGroups.keyGroupOf(key, MAX_PARALLELISM))) {
                if (ownKeys.size() < 20) {
                    ownKeys.add(key);
                }
            } else if (foreignKey == null) {
                foreignKey = key;
            }
        }
    }

    private String key(int i) {
        return ownKeys.get(i);
    }

    // ------------------------------------------------------------------ value state

    @Test
    void valueStateIsKeptPerKey() throws Exception {
        ValueState<Integer> count =
                backend.getValueState(new ValueStateDescriptor<>("n", Types.INT));
        backend.setCurrentKey(key(0));
        assertThat(count.value()).isNull();
        count.update(1);
        backend.setCurrentKey(key(1));
        assertThat(count.value()).isNull();
        count.update(2);

        backend.setCurrentKey(key(0));
        assertThat(count.value()).isEqualTo(1);
        backend.setCurrentKey(key(1));
        assertThat(count.value()).isEqualTo(2);
        assertThat(backend.numberOfEntries()).isEqualTo(2);
    }

    @Test
    void valueStateFallsBackToTheDescriptorsDefault() throws Exception {
        ValueState<Long> total =
                backend.getValueState(new ValueStateDescriptor<>("total", Types.LONG, 100L));
        backend.setCurrentKey(key(0));
        assertThat(total.value()).isEqualTo(100L);
        total.update(7L);
        assertThat(total.value()).isEqualTo(7L);

        total.clear();
        assertThat(total.value()).isEqualTo(100L);
        total.update(8L);
        total.update(null);
        assertThat(total.value()).isEqualTo(100L);
        assertThat(backend.numberOfEntries()).isZero();
    }

    @Test
    void theSameNameGivesTheSameStateThroughEveryHandle() throws Exception {
        ValueState<String> a = backend.getValueState(new ValueStateDescriptor<>("s", Types.STRING));
        ValueState<String> b = backend.getValueState(new ValueStateDescriptor<>("s", Types.STRING));
        ValueState<String> other =
                backend.getValueState(new ValueStateDescriptor<>("other", Types.STRING));
        backend.setCurrentKey(key(3));
        a.update("written through a");
        assertThat(b.value()).isEqualTo("written through a");
        assertThat(other.value()).isNull();
        b.clear();
        assertThat(a.value()).isNull();
    }

    @Test
    void clearRemovesOnlyTheCurrentKeysValue() throws Exception {
        ValueState<Integer> v = backend.getValueState(new ValueStateDescriptor<>("v", Types.INT));
        for (int i = 0; i < 5; i++) {
            backend.setCurrentKey(key(i));
            v.update(i);
        }
        backend.setCurrentKey(key(2));
        v.clear();
        assertThat(backend.numberOfEntries()).isEqualTo(4);
        for (int i = 0; i < 5; i++) {
            backend.setCurrentKey(key(i));
            assertThat(v.value()).isEqualTo(i == 2 ? null : i);
        }
    }

    // ------------------------------------------------------------------ list state

    @Test
    void listStateAppendsPerKeyAndReadsEmptyRatherThanNull() throws Exception {
        ListState<String> list =
                backend.getListState(new ListStateDescriptor<>("seen", Types.STRING));
        backend.setCurrentKey(key(0));
        assertThat(list.get()).isNotNull().isEmpty();
        list.add("a");
        list.add("b");
        list.addAll(List.of("c", "d"));
        backend.setCurrentKey(key(1));
        list.add("x");

        backend.setCurrentKey(key(0));
        assertThat(list.get()).containsExactly("a", "b", "c", "d");
        backend.setCurrentKey(key(1));
        assertThat(list.get()).containsExactly("x");
        assertThat(backend.numberOfEntries()).isEqualTo(2);
    }

    @Test
    void listUpdateReplacesAndAnEmptyUpdateClears() throws Exception {
        ListState<Integer> list = backend.getListState(new ListStateDescriptor<>("l", Types.INT));
        backend.setCurrentKey(key(0));
        list.addAll(List.of(1, 2, 3));
        List<Integer> replacement = new ArrayList<>(List.of(9, 8));
        list.update(replacement);
        assertThat(list.get()).containsExactly(9, 8);

        replacement.add(7); // the state keeps its own copy
        assertThat(list.get()).containsExactly(9, 8);

        list.update(List.of());
        assertThat(list.get()).isEmpty();
        assertThat(backend.numberOfEntries()).isZero();

        list.add(1);
        list.clear();
        assertThat(list.get()).isEmpty();
        assertThat(backend.numberOfEntries()).isZero();
    }

    @Test
    void listStateRefusesNullAndKeepsWhatItHad() throws Exception {
        ListState<String> list = backend.getListState(new ListStateDescriptor<>("l", Types.STRING));
        backend.setCurrentKey(key(0));
        list.add("kept");
        assertThatThrownBy(() -> list.add(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("cannot hold null");
        assertThatThrownBy(() -> list.update(Arrays.asList("a", null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("cannot hold null");
        assertThat(list.get()).containsExactly("kept");
    }

    // ------------------------------------------------------------------ map state

    @Test
    void mapStateIsAMapPerKey() throws Exception {
        MapState<String, Integer> map =
                backend.getMapState(new MapStateDescriptor<>("m", Types.STRING, Types.INT));
        backend.setCurrentKey(key(0));
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.get("a")).isNull();
        assertThat(map.entries()).isEmpty();
        map.put("a", 1);
        map.put("b", 2);
        map.put("a", 3);
        map.putAll(Map.of("c", 4));

        backend.setCurrentKey(key(1));
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.contains("a")).isFalse();
        map.put("z", 26);

        backend.setCurrentKey(key(0));
        assertThat(map.get("a")).isEqualTo(3);
        assertThat(map.contains("b")).isTrue();
        assertThat(map.contains("z")).isFalse();
        assertThat(map.keys()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(map.values()).containsExactlyInAnyOrder(3, 2, 4);
        assertThat(map.entries())
                .containsExactlyInAnyOrder(Map.entry("a", 3), Map.entry("b", 2), Map.entry("c", 4));
        assertThat(map.isEmpty()).isFalse();
        assertThat(backend.numberOfEntries()).isEqualTo(2);
    }

    @Test
    void removingTheLastMappingRemovesTheKeysEntry() throws Exception {
        MapState<String, Integer> map =
                backend.getMapState(new MapStateDescriptor<>("m", Types.STRING, Types.INT));
        backend.setCurrentKey(key(0));
        map.put("a", 1);
        map.put("b", 2);
        map.remove("a");
        map.remove("not there");
        assertThat(map.keys()).containsExactly("b");
        assertThat(backend.numberOfEntries()).isEqualTo(1);
        map.remove("b");
        assertThat(map.isEmpty()).isTrue();
        assertThat(backend.numberOfEntries()).isZero();

        backend.setCurrentKey(key(1));
        map.remove("never written");
        assertThat(backend.numberOfEntries()).isZero();
    }

    @Test
    void putAllOfNothingLeavesNoEntry() throws Exception {
        MapState<String, Integer> map =
                backend.getMapState(new MapStateDescriptor<>("m", Types.STRING, Types.INT));
        backend.setCurrentKey(key(0));
        map.putAll(Map.of());
        assertThat(map.isEmpty()).isTrue();
        assertThat(backend.numberOfEntries()).isZero();
    }

    @Test
    void clearingAMapForgetsAllItsMappings() throws Exception {
        MapState<String, Integer> map =
                backend.getMapState(new MapStateDescriptor<>("m", Types.STRING, Types.INT));
        backend.setCurrentKey(key(0));
        map.putAll(Map.of("a", 1, "b", 2));
        map.clear();
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.get("a")).isNull();
        assertThat(backend.numberOfEntries()).isZero();
    }

    // ------------------------------------------------------------------ reducing state

    @Test
    void reducingStateFoldsEachValueIntoTheKeysResult() throws Exception {
        ReducingState<Integer> sum =
                backend.getReducingState(
                        new ReducingStateDescriptor<>("sum", Integer::sum, Types.INT));
        backend.setCurrentKey(key(0));
        assertThat(sum.get()).isNull();
        sum.add(5);
        assertThat(sum.get()).isEqualTo(5);
        sum.add(7);
        backend.setCurrentKey(key(1));
        sum.add(100);

        backend.setCurrentKey(key(0));
        assertThat(sum.get()).isEqualTo(12);
        sum.clear();
        assertThat(sum.get()).isNull();
        sum.add(1);
        assertThat(sum.get()).isEqualTo(1);
        backend.setCurrentKey(key(1));
        assertThat(sum.get()).isEqualTo(100);
    }

    @Test
    void reducingStatePassesTheOldResultFirst() throws Exception {
        ReducingState<String> joined =
                backend.getReducingState(
                        new ReducingStateDescriptor<>("j", (a, b) -> a + "," + b, Types.STRING));
        backend.setCurrentKey(key(0));
        joined.add("1");
        joined.add("2");
        joined.add("3");
        assertThat(joined.get()).isEqualTo("1,2,3");
    }

    // ------------------------------------------------------------------ keys and names

    @Test
    void aKeyOfAnotherSubtaskIsRefusedSayingWhy() throws Exception {
        ValueState<Integer> v = backend.getValueState(new ValueStateDescriptor<>("v", Types.INT));
        backend.setCurrentKey(key(0));
        v.update(1);
        int foreignGroup = KeyGroups.keyGroupOf(foreignKey, MAX_PARALLELISM);

        assertThatThrownBy(() -> backend.setCurrentKey(foreignKey))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'" + foreignKey + "'")
                .hasMessageContaining("key group " + foreignGroup)
                .hasMessageContaining("'counter'")
                .hasMessageContaining(RANGE.toString());

        // The refused key did not become current.
        assertThat(backend.getCurrentKey()).isEqualTo(key(0));
        assertThat(v.value()).isEqualTo(1);
    }

    @Test
    void aNullKeyIsRefused() {
        assertThatThrownBy(() -> backend.setCurrentKey(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("key must not be null");
    }

    @Test
    void stateUsedWithoutACurrentKeyIsRefusedNamingTheOperator() {
        ValueState<Integer> v = backend.getValueState(new ValueStateDescriptor<>("v", Types.INT));
        ListState<Integer> l = backend.getListState(new ListStateDescriptor<>("l", Types.INT));
        assertThat(backend.getCurrentKey()).isNull();
        assertThat(backend.getCurrentKeyGroup()).isEqualTo(-1);
        assertThatThrownBy(v::value)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'counter'")
                .hasMessageContaining("outside the processing of a key");
        assertThatThrownBy(() -> l.add(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void clearingTheCurrentKeyMakesStateRefuseUse() throws Exception {
        ValueState<Integer> v = backend.getValueState(new ValueStateDescriptor<>("v", Types.INT));
        backend.setCurrentKey(key(0));
        v.update(1);
        backend.clearCurrentKey();
        assertThat(backend.getCurrentKey()).isNull();
        assertThat(backend.getCurrentKeyGroup()).isEqualTo(-1);
        assertThatThrownBy(v::value)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside the processing of a key")
                .hasMessageContaining("applyToKeyedState");
        backend.setCurrentKey(key(0));
        assertThat(v.value()).isEqualTo(1);
    }

    @Test
    void theKeysOfOneStateAreListedAndMayBeClearedWhileVisited() throws Exception {
        ValueState<Integer> v = backend.getValueState(new ValueStateDescriptor<>("v", Types.INT));
        ListState<Integer> other =
                backend.getListState(new ListStateDescriptor<>("other", Types.INT));
        for (int i = 0; i < 10; i++) {
            backend.setCurrentKey(key(i));
            v.update(i);
        }
        backend.setCurrentKey(key(15));
        other.add(1);
        // A key with a value in a window namespace only is not listed.
        var windowed = backend.getValueState(new ValueStateDescriptor<>("v", Types.INT));
        windowed.setCurrentNamespace("window");
        backend.setCurrentKey(key(16));
        windowed.update(16);

        List<String> keys = backend.getKeys("v");
        assertThat(keys).containsExactlyInAnyOrderElementsOf(ownKeys.subList(0, 10));
        for (String k : keys) {
            backend.setCurrentKey(k);
            v.clear();
        }
        assertThat(backend.getKeys("v")).isEmpty();
        assertThat(backend.getKeys("other")).containsExactly(key(15));
        assertThat(backend.getKeys("no such state")).isEmpty();
    }

    @Test
    void theCurrentKeyAndItsKeyGroupAreReported() {
        for (String k : ownKeys) {
            backend.setCurrentKey(k);
            assertThat(backend.getCurrentKey()).isEqualTo(k);
            assertThat(backend.getCurrentKeyGroup())
                    .isEqualTo(KeyGroups.keyGroupOf(k, MAX_PARALLELISM));
        }
        assertThat(backend.getKeyGroupRange()).isEqualTo(RANGE);
    }

    @Test
    void aNameCannotBeUsedForTwoKindsOfState() {
        backend.getValueState(new ValueStateDescriptor<>("s", Types.INT));
        assertThatThrownBy(() -> backend.getListState(new ListStateDescriptor<>("s", Types.INT)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("State 's' of operator 'counter' is a value state")
                .hasMessageContaining("cannot be used as a list state");
        assertThatThrownBy(
                        () ->
                                backend.getMapState(
                                        new MapStateDescriptor<>("s", Types.INT, Types.INT)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("map state");
        assertThatThrownBy(
                        () ->
                                backend.getReducingState(
                                        new ReducingStateDescriptor<>(
                                                "s", Integer::sum, Types.INT)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reducing state");
    }

    @Test
    void numberOfEntriesCountsKeyAndStatePairsOverAllStates() throws Exception {
        ValueState<Integer> v = backend.getValueState(new ValueStateDescriptor<>("v", Types.INT));
        ListState<Integer> l = backend.getListState(new ListStateDescriptor<>("l", Types.INT));
        MapState<Integer, Integer> m =
                backend.getMapState(new MapStateDescriptor<>("m", Types.INT, Types.INT));
        ReducingState<Integer> r =
                backend.getReducingState(
                        new ReducingStateDescriptor<>("r", Integer::sum, Types.INT));
        assertThat(backend.numberOfEntries()).isZero();

        for (int i = 0; i < 10; i++) {
            backend.setCurrentKey(key(i));
            v.update(i);
            l.add(i);
            l.add(i); // more values of one key are still one entry
            if (i % 2 == 0) {
                m.put(i, i);
                m.put(i + 1, i);
            }
            if (i < 3) {
                r.add(i);
            }
        }
        assertThat(backend.numberOfEntries()).isEqualTo(10 + 10 + 5 + 3);

        backend.setCurrentKey(key(0));
        v.clear();
        l.clear();
        m.clear();
        r.clear();
        assertThat(backend.numberOfEntries()).isEqualTo(9 + 9 + 4 + 2);

        backend.close();
        assertThat(backend.numberOfEntries()).isZero();
    }

    @Test
    void keysInEveryKeyGroupOfTheRangeAreHeld() throws Exception {
        // Integer keys whose groups cover the whole range, first and last group included.
        List<Integer> keys = new ArrayList<>();
        boolean[] covered = new boolean[RANGE.size()];
        int coveredCount = 0;
        for (int k = 0; coveredCount < RANGE.size(); k++) {
            int kg = KeyGroups.keyGroupOf(k, MAX_PARALLELISM);
            if (RANGE.contains(kg) && !covered[kg - RANGE.start()]) {
                covered[kg - RANGE.start()] = true;
                coveredCount++;
                keys.add(k);
            }
        }
        HeapKeyedStateBackend<Integer> ints = create("ints", Types.INT);
        ValueState<String> iv = ints.getValueState(new ValueStateDescriptor<>("v", Types.STRING));
        for (int k : keys) {
            ints.setCurrentKey(k);
            iv.update("value of " + k);
        }
        for (int k : keys) {
            ints.setCurrentKey(k);
            assertThat(iv.value()).isEqualTo("value of " + k);
        }
        assertThat(ints.numberOfEntries()).isEqualTo(RANGE.size());
    }

    @Test
    void theHeapStateBackendCreatesBackendsForARange() {
        HeapStateBackend factory = new HeapStateBackend();
        assertThat(factory.name()).isEqualTo("heap");
        KeyGroupRange upper = KeyGroups.rangeOf(1, MAX_PARALLELISM, 2);
        KeyedStateBackend<String> created =
                factory.createKeyedStateBackend(
                        new KeyedBackendParameters<>(
                                "op",
                                upper,
                                MAX_PARALLELISM,
                                new SerializerFactory(Map.of()).create(Types.STRING),
                                new SerializerFactory(Map.of()),
                                Clock.system(),
                                getClass().getClassLoader()));
        assertThat(created.getKeyGroupRange()).isEqualTo(upper);
        // The key refused by subtask 0 belongs here.
        created.setCurrentKey(foreignKey);
        assertThat(created.getCurrentKey()).isEqualTo(foreignKey);
        created.close();
    }

    static <K> HeapKeyedStateBackend<K> create(String name, TypeInfo<K> keyType) {
        SerializerFactory serializers = new SerializerFactory(Map.of());
        return new HeapKeyedStateBackend<>(
                new KeyedBackendParameters<>(
                        name,
                        RANGE,
                        MAX_PARALLELISM,
                        serializers.create(keyType),
                        serializers,
                        Clock.system(),
                        HeapKeyedStateBackendTest.class.getClassLoader()));
    }
}
