package io.spate.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.state.AggregatingStateDescriptor;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.common.time.Clock;
import io.spate.core.checkpoint.StateFiles;
import io.spate.core.checkpoint.SubtaskStateHandle;
import io.spate.core.serialization.SerializerFactory;
import io.spate.core.state.InternalAggregatingState;
import io.spate.core.state.InternalListState;
import io.spate.core.state.InternalMapState;
import io.spate.core.state.InternalValueState;
import io.spate.core.state.KeyGroupRange;
import io.spate.core.state.KeyGroups;
import io.spate.core.state.KeyedBackendParameters;
import io.spate.core.state.KeyedStateBackend;
import io.spate.core.state.KeyedStateSnapshot;
import io.spate.core.state.VoidNamespace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots freeze the state of their moment (copy-on-write) and restore it, also rescaled. */
class HeapSnapshotTest {
    private static final int MAX = 16;
    private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX - 1);

    /** A window-like namespace. */
    public record Span(long start, long end) {}

    static final class Sum implements AggregateFunction<Long, long[], Long> {
        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(Long value, long[] acc) {
            acc[0] += value; // in place, on purpose
            return acc;
        }

        @Override
        public Long getResult(long[] acc) {
            return acc[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            return a;
        }
    }

    private static final ValueStateDescriptor<String> VALUE =
            new ValueStateDescriptor<>("value", Types.STRING);
    private static final ListStateDescriptor<Integer> LIST =
            new ListStateDescriptor<>("list", Types.INT);
    private static final MapStateDescriptor<String, Long> MAP =
            new MapStateDescriptor<>("map", Types.STRING, Types.LONG);
    private static final AggregatingStateDescriptor<Long, long[], Long> SUM =
            new AggregatingStateDescriptor<>(
                    "sum", new Sum(), io.spate.api.common.typeinfo.TypeInfo.of(long[].class));

    private static HeapKeyedStateBackend<String> backend(KeyGroupRange range) {
        SerializerFactory serializers = new SerializerFactory(Map.of());
        return new HeapKeyedStateBackend<>(
                new KeyedBackendParameters<>(
                        "op",
                        range,
                        MAX,
                        serializers.create(Types.STRING),
                        serializers,
                        Clock.system(),
                        HeapSnapshotTest.class.getClassLoader()));
    }

    private static void fill(HeapKeyedStateBackend<String> b, int keys, String tag)
            throws Exception {
        InternalValueState<String> value = b.getValueState(VALUE);
        InternalListState<Integer> list = b.getListState(LIST);
        InternalMapState<String, Long> map = b.getMapState(MAP);
        InternalAggregatingState<Long, long[], Long> sum = b.getAggregatingState(SUM);
        for (int k = 0; k < keys; k++) {
            String key = "k" + k;
            b.setCurrentKey(key);
            value.update(tag + k);
            list.add(k);
            map.put("m", (long) k);
            sum.setCurrentNamespace(new Span(k, k + 10));
            sum.add((long) k);
            sum.setCurrentNamespace(VoidNamespace.INSTANCE);
            sum.add(1L);
        }
    }

    /** Everything the backend holds, as text, for comparisons. */
    private static List<String> dump(HeapKeyedStateBackend<String> b, int keys) throws Exception {
        InternalValueState<String> value = b.getValueState(VALUE);
        InternalListState<Integer> list = b.getListState(LIST);
        InternalMapState<String, Long> map = b.getMapState(MAP);
        InternalAggregatingState<Long, long[], Long> sum = b.getAggregatingState(SUM);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            String key = "k" + k;
            if (!b.getKeyGroupRange().contains(KeyGroups.keyGroupOf(key, MAX))) {
                continue;
            }
            b.setCurrentKey(key);
            sum.setCurrentNamespace(new Span(k, k + 10));
            Long windowed = sum.get();
            sum.setCurrentNamespace(VoidNamespace.INSTANCE);
            out.add(
                    key
                            + " "
                            + value.value()
                            + " "
                            + list.get()
                            + " "
                            + map.get("m")
                            + " "
                            + windowed
                            + " "
                            + sum.get());
        }
        return out;
    }

    private static SubtaskStateHandle write(
            Path dir, String file, KeyedStateBackend<String> b, KeyedStateSnapshot snapshot)
            throws IOException {
        try {
            return StateFiles.write(
                    dir, file, 0, b.getKeyGroupRange(), List.of(snapshot), Map.of());
        } finally {
            snapshot.release();
        }
    }

    private static void restore(Path dir, SubtaskStateHandle h, KeyedStateBackend<String> b)
            throws IOException {
        StateFiles.Contents c = StateFiles.read(dir, h);
        for (int kg = b.getKeyGroupRange().start(); kg <= b.getKeyGroupRange().end(); kg++) {
            if (!h.keyGroups().contains(kg)) {
                continue;
            }
            var part = c.keyGroup(kg).get(KeyedStateBackend.SNAPSHOT_PART);
            if (part != null) {
                b.restoreKeyGroup(kg, part);
            }
        }
    }

    @Test
    void aSnapshotKeepsTheStateOfItsMomentWhileProcessingChangesIt(@TempDir Path dir)
            throws Exception {
        HeapKeyedStateBackend<String> live = backend(ALL);
        fill(live, 200, "a");
        List<String> before = dump(live, 200);

        KeyedStateSnapshot snapshot = live.snapshot();
        // Change everything after the capture, including in-place changes of accumulators.
        fill(live, 300, "b");
        live.setCurrentKey("k5");
        live.getValueState(VALUE).clear();
        List<String> after = dump(live, 300);
        assertThat(after).isNotEqualTo(before);

        SubtaskStateHandle h = write(dir, "state", live, snapshot);
        HeapKeyedStateBackend<String> restored = backend(ALL);
        restore(dir, h, restored);
        assertThat(dump(restored, 200)).isEqualTo(before);
        assertThat(dump(live, 300)).isEqualTo(after);
        assertThat(restored.numberOfEntries()).isPositive();
    }

    @Test
    void stateRestoresIntoSmallerRangesForRescaling(@TempDir Path dir) throws Exception {
        HeapKeyedStateBackend<String> live = backend(ALL);
        fill(live, 100, "x");
        List<String> all = dump(live, 100);
        SubtaskStateHandle h = write(dir, "state", live, live.snapshot());

        List<String> combined = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HeapKeyedStateBackend<String> part = backend(KeyGroups.rangeOf(i, MAX, 3));
            restore(dir, h, part);
            combined.addAll(dump(part, 100));
        }
        assertThat(combined).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void restoredStateNotYetRegisteredIsCarriedIntoTheNextSnapshot(@TempDir Path dir)
            throws Exception {
        HeapKeyedStateBackend<String> live = backend(ALL);
        fill(live, 50, "p");
        List<String> expected = dump(live, 50);
        SubtaskStateHandle first = write(dir, "first", live, live.snapshot());

        HeapKeyedStateBackend<String> restored = backend(ALL);
        restore(dir, first, restored);
        // Snapshot before any state is registered again: the restored bytes must survive.
        SubtaskStateHandle second = write(dir, "second", restored, restored.snapshot());
        HeapKeyedStateBackend<String> again = backend(ALL);
        restore(dir, second, again);
        assertThat(dump(again, 50)).isEqualTo(expected);
    }
}
