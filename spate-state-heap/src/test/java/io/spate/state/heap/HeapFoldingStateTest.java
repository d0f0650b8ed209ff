package io.spate.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.state.AggregatingStateDescriptor;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.common.time.ManualClock;
import io.spate.core.serialization.SerializerFactory;
import io.spate.core.state.InternalAggregatingState;
import io.spate.core.state.InternalReducingState;
import io.spate.core.state.KeyGroupRange;
import io.spate.core.state.KeyedBackendParameters;
import io.spate.core.state.KeyedStateSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What window panes need from reducing and aggregating state (ADR 0007): an add that says whether
 * it created the value, several namespaces read as one without changing what is stored — also when
 * the function changes its arguments in place, and while a snapshot shares the table — and cheap
 * presence and emptiness checks.
 */
class HeapFoldingStateTest {
    private HeapKeyedStateBackend<Integer> backend;

    @BeforeEach
    void createBackend() {
        SerializerFactory serializers = new SerializerFactory(Map.of());
        backend =
                new HeapKeyedStateBackend<>(
                        new KeyedBackendParameters<>(
                                "panes",
                                new KeyGroupRange(0, 7),
                                8,
                                serializers.create(Types.INT),
                                serializers,
                                new ManualClock(0),
                                getClass().getClassLoader()));
    }

    @Test
    void addAndCheckNewSaysWhetherTheNamespaceHadAValue() throws Exception {
        InternalReducingState<Long> sum =
                backend.getReducingState(
                        new ReducingStateDescriptor<>("sum", Long::sum, Types.LONG));
        backend.setCurrentKey(1);
        sum.setCurrentNamespace("p1");
        assertThat(sum.isEmpty()).isTrue();
        assertThat(sum.hasValue()).isFalse();
        assertThat(sum.addAndCheckNew(3L)).isTrue();
        assertThat(sum.addAndCheckNew(4L)).isFalse();
        assertThat(sum.get()).isEqualTo(7L);
        assertThat(sum.hasValue()).isTrue();
        backend.setCurrentKey(2);
        assertThat(sum.hasValue()).isFalse();
        assertThat(sum.addAndCheckNew(1L)).isTrue();
        sum.clear();
        backend.setCurrentKey(1);
        sum.clear();
        assertThat(sum.addAndCheckNew(5L)).isTrue();
        assertThat(sum.isEmpty()).isFalse();
        sum.clear();
        assertThat(sum.isEmpty()).isTrue();
    }

    @Test
    void getMergedFoldsSeveralNamespacesInOrderAndLeavesThemAsTheyWere() throws Exception {
        InternalReducingState<String> concat =
                backend.getReducingState(
                        new ReducingStateDescriptor<>("concat", String::concat, Types.STRING));
        backend.setCurrentKey(1);
        for (String ns : List.of("p1", "p2", "p3")) {
            concat.setCurrentNamespace(ns);
            concat.add(ns + "a");
            concat.add(ns + "b");
        }
        assertThat(concat.getMerged(List.of("p1", "p0", "p3"))).isEqualTo("p1ap1bp3ap3b");
        assertThat(concat.getMerged(List.of("p0", "p9"))).isNull();
        concat.setCurrentNamespace("p1");
        assertThat(concat.get()).isEqualTo("p1ap1b");
        backend.setCurrentKey(2);
        assertThat(concat.getMerged(List.of("p1", "p2"))).isNull();
    }

    @Test
    void getMergedGivesAnAggregateThatChangesItsArgumentsCopies() throws Exception {
        InternalAggregatingState<Long, long[], Long> count =
                backend.getAggregatingState(
                        new AggregatingStateDescriptor<>(
                                "count", new InPlaceCount(), TypeInfo.of(long[].class)));
        backend.setCurrentKey(1);
        List<String> panes = List.of("p1", "p2", "p3");
        for (int i = 0; i < panes.size(); i++) {
            count.setCurrentNamespace(panes.get(i));
            for (int n = 0; n <= i; n++) {
                assertThat(count.addAndCheckNew(0L)).isEqualTo(n == 0);
            }
        }
        List<KeyedStateSnapshot> snapshots = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            assertThat(count.getMerged(panes)).isEqualTo(6L);
            assertThat(count.getMerged(panes.subList(1, 3))).isEqualTo(5L);
            // From now on the table is shared with a snapshot: stored values must not change.
            snapshots.add(backend.snapshot());
        }
        count.setCurrentNamespace("p1");
        assertThat(count.get()).isEqualTo(1L);
        count.setCurrentNamespace("p3");
        assertThat(count.get()).isEqualTo(3L);
        snapshots.forEach(KeyedStateSnapshot::release);
    }

    /** Counts in a {@code long[1]} that {@code add} and {@code merge} change in place. */
    static final class InPlaceCount implements AggregateFunction<Long, long[], Long> {
        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(Long value, long[] acc) {
            acc[0]++;
            return acc;
        }

        @Override
        public Long getResult(long[] acc) {
            return acc[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            b[0] += a[0]; // changes and returns the second, to catch folds of the stored values
            a[0] = -1;
            return b;
        }
    }
}
