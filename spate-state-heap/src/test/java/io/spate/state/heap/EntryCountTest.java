package io.spate.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.state.AggregatingStateDescriptor;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.StateTtlConfig;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.common.time.ManualClock;
import io.spate.core.serialization.SerializerFactory;
import io.spate.core.state.InternalAggregatingState;
import io.spate.core.state.InternalListState;
import io.spate.core.state.InternalMapState;
import io.spate.core.state.InternalValueState;
import io.spate.core.state.KeyGroupRange;
import io.spate.core.state.KeyedBackendParameters;
import io.spate.core.state.KeyedStateSnapshot;
import io.spate.core.state.VoidNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code numberOfEntries()} is kept up to date as entries come and go, rather than counted: after
 * every one of many random operations — in the key's own namespace and in window namespaces, with
 * merges, clears of all namespaces, snapshots that make the tables copy on write, and values that
 * expire and are cleaned up incrementally — it equals a count of the entries one by one.
 */
class EntryCountTest {
    private static final KeyGroupRange ALL = new KeyGroupRange(0, 15);

    @Test
    void theKeptCountEqualsARecountAfterEveryOperation() throws Exception {
        ManualClock clock = new ManualClock(0);
        SerializerFactory serializers = new SerializerFactory(Map.of());
        HeapKeyedStateBackend<Integer> b =
                new HeapKeyedStateBackend<>(
                        new KeyedBackendParameters<>(
                                "count",
                                ALL,
                                16,
                                serializers.create(Types.INT),
                                serializers,
                                clock,
                                getClass().getClassLoader()));
        ValueStateDescriptor<Integer> expiring = new ValueStateDescriptor<>("ttl", Types.INT);
        expiring.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(50)).build());
        InternalValueState<Integer> value =
                b.getValueState(new ValueStateDescriptor<>("v", Types.INT));
        InternalValueState<Integer> ttl = b.getValueState(expiring);
        InternalListState<Integer> list = b.getListState(new ListStateDescriptor<>("l", Types.INT));
        InternalMapState<Integer, Integer> map =
                b.getMapState(new MapStateDescriptor<>("m", Types.INT, Types.INT));
        InternalAggregatingState<Integer, Integer, Integer> sum =
                b.getAggregatingState(new AggregatingStateDescriptor<>("a", new Sum(), Types.INT));
        List<KeyedStateSnapshot> snapshots = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int step = 0; step < 20_000; step++) {
            b.setCurrentKey(random.nextInt(40));
            Object namespace = random.nextInt(3) == 0 ? VoidNamespace.INSTANCE : random.nextInt(5);
            value.setCurrentNamespace(namespace);
            list.setCurrentNamespace(namespace);
            map.setCurrentNamespace(namespace);
            sum.setCurrentNamespace(namespace);
            switch (random.nextInt(13)) {
                case 0 -> value.update(random.nextInt(3) == 0 ? null : step);
                case 1 -> value.clear();
                case 2 -> list.add(step);
                case 3 -> list.update(random.nextBoolean() ? List.of() : List.of(step));
                case 4 -> map.put(random.nextInt(3), step);
                case 5 -> map.remove(random.nextInt(3));
                case 6 -> sum.add(step);
                case 7 -> sum.mergeNamespaces(random.nextInt(5), List.of(random.nextInt(5)));
                case 8 -> list.clearAllNamespaces();
                case 9 -> ttl.update(step);
                case 10 -> ttl.value();
                case 11 -> clock.advance(Duration.ofMillis(random.nextInt(20)));
                default -> {
                    if (random.nextBoolean() || snapshots.isEmpty()) {
                        snapshots.add(b.snapshot());
                    } else {
                        snapshots.remove(0).release();
                    }
                }
            }
            assertThat(b.numberOfEntries()).as("step %d", step).isEqualTo(b.countEntries());
        }
        assertThat(b.numberOfEntries()).isPositive();
    }

    static final class Sum implements AggregateFunction<Integer, Integer, Integer> {
        @Override
        public Integer createAccumulator() {
            return 0;
        }

        @Override
        public Integer add(Integer value, Integer acc) {
            return acc + value;
        }

        @Override
        public Integer getResult(Integer acc) {
            return acc;
        }

        @Override
        public Integer merge(Integer a, Integer b) {
            return a + b;
        }
    }
}
