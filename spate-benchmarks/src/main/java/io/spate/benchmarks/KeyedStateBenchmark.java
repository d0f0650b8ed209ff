package io.spate.benchmarks;

import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.common.time.ManualClock;
import io.spate.core.serialization.SerializerFactory;
import io.spate.core.state.InternalMapState;
import io.spate.core.state.InternalReducingState;
import io.spate.core.state.InternalValueState;
import io.spate.core.state.KeyGroupRange;
import io.spate.core.state.KeyGroups;
import io.spate.core.state.KeyedBackendParameters;
import io.spate.core.state.KeyedStateBackend;
import io.spate.state.heap.HeapStateBackend;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Keyed state on the heap backend, as a keyed operator uses it: for each access the current key is
 * set (its key group found and checked), then one state is read or written. One operation is one
 * access:
 *
 * <ul>
 *   <li>{@code valueGetUpdate}: {@code ValueState<Long>} read, incremented and written back (a
 *       counter, as users write one: a new {@code Long} each time);
 *   <li>{@code reducingAdd}: {@code ReducingState<Long>} {@code add} with {@code Long::sum};
 *   <li>{@code mapPut} / {@code mapGet}: {@code MapState<Long, Long>} with 4 user keys per key.
 * </ul>
 *
 * <p>The backend holds all 128 key groups (one subtask of a job with max parallelism 128), with a
 * value for every one of {@code keys} keys in every state before the measurement, so that accesses
 * find their entry (no inserts). Keys come in a random order, 2^20 of them made before the
 * measurement as distinct {@code Long} objects (not the instances stored in the tables), as keys
 * read from arriving records would be. With 1,000 keys the tables stay in the CPU's caches; with
 * 1,000,000 keys nearly every access misses them. The state is moved to the old generation before
 * the measurement (as in a job that has run a while), so writing a new {@code Long} into it pays
 * the garbage collector's write barrier for an old-to-young reference, which with G1 (the default)
 * costs more than the look-up itself; compare with {@code -XX:+UseParallelGC}:
 *
 * <pre>
 *   java -jar spate-benchmarks/target/spate-benchmarks.jar KeyedStateBenchmark
 *   java -jar spate-benchmarks/target/spate-benchmarks.jar KeyedStateBenchmark \
 *       -jvmArgsAppend "-Xms4g -Xmx4g -XX:+UseParallelGC"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class KeyedStateBenchmark {
    private static final int MAX_PARALLELISM = KeyGroups.DEFAULT_MAX_PARALLELISM;
    private static final int ACCESSES = 1 << 20;
    private static final Long[] USER_KEYS = {0L, 1L, 2L, 3L};
    private static final Long ONE = 1L;

    @Param({"1000", "1000000"})
    int keys;

    private KeyedStateBackend<Long> backend;
    private InternalValueState<Long> value;
    private InternalReducingState<Long> reducing;
    private InternalMapState<Long, Long> map;

    /** The keys of the accesses, in order. */
    private Long[] accessKeys;

    /** Values to put into map state, one per access. */
    private Long[] mapValues;

    private int next;

    private static long keyValue(int i) {
        // Distinct, scattered over the long range as real ids' hashes would be.
        return i * 0x9E3779B97F4A7C15L;
    }

    @Setup
    public void setUp() throws Exception {
        SerializerFactory serializers = new SerializerFactory(Map.of());
        backend =
                new HeapStateBackend()
                        .createKeyedStateBackend(
                                new KeyedBackendParameters<>(
                                        "state-benchmark",
                                        new KeyGroupRange(0, MAX_PARALLELISM - 1),
                                        MAX_PARALLELISM,
                                        serializers.create(Types.LONG),
                                        serializers,
                                        new ManualClock(0),
                                        KeyedStateBenchmark.class.getClassLoader()));
        value = backend.getValueState(new ValueStateDescriptor<>("value", Types.LONG));
        reducing =
                backend.getReducingState(
                        new ReducingStateDescriptor<>("reducing", Long::sum, Long.class));
        map = backend.getMapState(new MapStateDescriptor<>("map", Types.LONG, Types.LONG));
        for (int i = 0; i < keys; i++) {
            backend.setCurrentKey(keyValue(i));
            value.update((long) i);
            reducing.add((long) i);
            for (Long userKey : USER_KEYS) {
                map.put(userKey, (long) i);
            }
        }
        SplittableRandom random = new SplittableRandom(42);
        accessKeys = new Long[ACCESSES];
        mapValues = new Long[ACCESSES];
        for (int a = 0; a < ACCESSES; a++) {
            accessKeys[a] = Long.valueOf(keyValue(random.nextInt(keys)));
            mapValues[a] = Long.valueOf(random.nextLong());
        }
        next = 0;
        // Move the state out of the young generation now, as it would be in a job that has run for
        // a while, rather than in a long pause during the measurement.
        System.gc();
    }

    @TearDown
    public void tearDown() {
        backend.close();
    }

    /** Sets the next access's key current; returns the access's index. */
    private int nextKey() {
        int a = next;
        next = (a + 1) & (ACCESSES - 1);
        backend.setCurrentKey(accessKeys[a]);
        return a;
    }

    @Benchmark
    public void valueGetUpdate() throws Exception {
        nextKey();
        Long v = value.value();
        value.update(v == null ? 1L : v + 1);
    }

    @Benchmark
    public void reducingAdd() throws Exception {
        nextKey();
        reducing.add(ONE);
    }

    @Benchmark
    public void mapPut() throws Exception {
        int a = nextKey();
        map.put(USER_KEYS[a & 3], mapValues[a]);
    }

    @Benchmark
    public Long mapGet() throws Exception {
        int a = nextKey();
        return map.get(USER_KEYS[a & 3]);
    }
}
