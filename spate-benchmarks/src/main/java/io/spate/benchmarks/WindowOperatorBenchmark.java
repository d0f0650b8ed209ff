package io.spate.benchmarks;

import io.spate.api.common.functions.Counter;
import io.spate.api.common.functions.KeySelector;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.ClientChannel;
import io.spate.api.connector.source.lib.FromElementsSource;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.KeyedStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.ExecutionOptions;
import io.spate.api.graph.OneInputTransformation;
import io.spate.api.graph.WindowOperatorSpec;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.common.JobId;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import io.spate.common.time.ManualClock;
import io.spate.core.operators.OperatorContext;
import io.spate.core.operators.OperatorStateRestore;
import io.spate.core.operators.Output;
import io.spate.core.operators.WatermarkStatus;
import io.spate.core.operators.windowing.WindowOperator;
import io.spate.core.serialization.SerializerFactory;
import io.spate.core.state.KeyGroupRange;
import io.spate.core.state.KeyGroups;
import io.spate.core.state.KeyedBackendParameters;
import io.spate.core.state.KeyedStateBackend;
import io.spate.core.timers.ProcessingTimeService;
import io.spate.state.heap.HeapStateBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@link WindowOperator} per record, driven directly as the runtime's operator chain drives it:
 * for each record the key is extracted, set current on the heap state backend, and the record
 * handed to {@code processElement}; a watermark follows every 1,000 records, firing the windows it
 * passes. One operation is one record, including its share of the watermarks' work (window firings,
 * clean-up). Results go to an output that only remembers the last one.
 *
 * <p>The operator is the one {@code keyBy(v -> v).window(assigner).aggregate(count)} (or {@code
 * .reduce(Long::sum)}) builds through the DataStream API, on event time: {@code tumbling} windows
 * of 10 s, or {@code sliding} windows of 10 s every 2 s (every record in 5 windows). Records are
 * the keys themselves, {@code keys} pre-boxed {@code Long}s visited round robin (10,000 by
 * default); record {@code n} has timestamp {@code n / 10} ms (10 records per ms: with 10,000 keys,
 * 10 records per key per 10 s), and the watermark trails the latest timestamp by 1 ms (monotonous
 * timestamps). Every key's tumbling window fires once per 10 s of event time (with 10,000 keys, one
 * result per 10 records), its sliding windows every 2 s (one result per 2 records). {@code panes}
 * chooses how the operator keeps the windows: as panes of one slide, a record updating one
 * accumulator (the default, ADR 0007), or one accumulator per window.
 *
 * <pre>
 *   java -jar spate-benchmarks/target/spate-benchmarks.jar WindowOperatorBenchmark
 *   java -jar spate-benchmarks/target/spate-benchmarks.jar WindowOperatorBenchmark \
 *       -p function=aggregate -p keys=100,1000,10000
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WindowOperatorBenchmark {
    private static final int RECORDS_PER_MILLI = 10;
    private static final int WATERMARK_EVERY = 1000;
    private static final long START = 1_700_000_000_000L;
    private static final int MAX_PARALLELISM = KeyGroups.DEFAULT_MAX_PARALLELISM;

    @Param({"tumbling", "sliding"})
    String windows;

    @Param({"aggregate", "reduce"})
    String function;

    /** The number of keys, visited round robin. */
    @Param({"10000"})
    int keys;

    /** Whether aligned windows are kept as panes of one slide ({@code pipeline.window-panes}). */
    @Param({"true", "false"})
    boolean panes;

    private Long[] keyObjects;
    private KeySelector<Long, Long> keySelector;
    private KeyedStateBackend<Long> backend;
    private WindowOperator<Long, Long, Long, TimeWindow> operator;
    private final DiscardingOutput output = new DiscardingOutput();

    /** The index of the next record. */
    private long n;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() throws Exception {
        keyObjects = new Long[keys];
        for (int k = 0; k < keys; k++) {
            keyObjects[k] = (long) k;
        }
        WindowAssigner<Object, TimeWindow> assigner =
                windows.equals("tumbling")
                        ? TumblingEventTimeWindows.of(Duration.ofSeconds(10))
                        : SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(2));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Long> in =
                env.fromSource(new FromElementsSource<>(List.<Long>of()), "input", Types.LONG);
        KeyedStream<Long, Long> keyed = in.keyBy(v -> v);
        DataStream<Long> windowed;
        switch (function) {
            case "aggregate":
                windowed = keyed.window(assigner).aggregate(new WindowThroughput.Count());
                break;
            case "reduce":
                windowed = keyed.window(assigner).reduce(Long::sum);
                break;
            default:
                throw new IllegalArgumentException("unknown function " + function);
        }
        OneInputTransformation<Long, Long> t =
                (OneInputTransformation<Long, Long>) windowed.getTransformation();
        keySelector = (KeySelector<Long, Long>) t.getKeySelector();

        ManualClock clock = new ManualClock(0);
        SerializerFactory serializers = new SerializerFactory(Map.of());
        backend =
                new HeapStateBackend()
                        .createKeyedStateBackend(
                                new KeyedBackendParameters<>(
                                        "window-benchmark",
                                        new KeyGroupRange(0, MAX_PARALLELISM - 1),
                                        MAX_PARALLELISM,
                                        serializers.create(Types.LONG),
                                        serializers,
                                        clock,
                                        WindowOperatorBenchmark.class.getClassLoader()));
        operator = new WindowOperator<>((WindowOperatorSpec) t.getSpec());
        Configuration configuration = new Configuration().set(ExecutionOptions.WINDOW_PANES, panes);
        operator.setup(new Context(backend, serializers, clock, configuration), output);
        operator.initializeState(OperatorStateRestore.NONE);
        operator.open();
        n = 0;
    }

    @TearDown
    public void tearDown() throws Exception {
        operator.close();
        backend.close();
    }

    @Benchmark
    @OperationsPerInvocation(WATERMARK_EVERY)
    public Object records() throws Exception {
        long i = n;
        for (int r = 0; r < WATERMARK_EVERY; r++, i++) {
            Long record = keyObjects[(int) (i % keys)];
            backend.setCurrentKey(keySelector.getKey(record));
            operator.processElement(record, START + i / RECORDS_PER_MILLI);
        }
        n = i;
        operator.processWatermark(START + (i - 1) / RECORDS_PER_MILLI - 1);
        return output.last;
    }

    /** Remembers the last result, so that results are not optimised away, and counts them. */
    private static final class DiscardingOutput implements Output<Long> {
        Object last;
        long count;

        @Override
        public void collect(Long record, long timestamp) {
            last = record;
            count++;
        }

        @Override
        public void emitWatermark(long watermark) {}

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {}
    }

    /** The little of a subtask's context that a window operator on event time uses. */
    private static final class Context implements OperatorContext {
        private final KeyedStateBackend<Long> backend;
        private final SerializerFactory serializers;
        private final Clock clock;
        private final Configuration configuration;

        Context(
                KeyedStateBackend<Long> backend,
                SerializerFactory serializers,
                Clock clock,
                Configuration configuration) {
            this.backend = backend;
            this.serializers = serializers;
            this.clock = clock;
            this.configuration = configuration;
        }

        @Override
        public JobId jobId() {
            return JobId.random();
        }

        @Override
        public String operatorName() {
            return "Window";
        }

        @Override
        public int subtaskIndex() {
            return 0;
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public int maxParallelism() {
            return MAX_PARALLELISM;
        }

        @Override
        public int attemptNumber() {
            return 0;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public ClassLoader userClassLoader() {
            return WindowOperatorBenchmark.class.getClassLoader();
        }

        @Override
        public Counter counter(String name) {
            return new Counter() {
                private long count;

                @Override
                public void inc() {
                    count++;
                }

                @Override
                public void inc(long amount) {
                    count += amount;
                }

                @Override
                public long getCount() {
                    return count;
                }
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public <K> KeyedStateBackend<K> keyedStateBackend() {
            return (KeyedStateBackend<K>) backend;
        }

        @Override
        public SerializerFactory serializers() {
            return serializers;
        }

        @Override
        public Configuration jobConfiguration() {
            return configuration;
        }

        @Override
        public ProcessingTimeService processingTimeService() {
            return new ProcessingTimeService() {
                @Override
                public long currentProcessingTime() {
                    return clock.millis();
                }

                @Override
                public void registerTimer(long time, ProcessingTimeCallback callback) {
                    throw new UnsupportedOperationException(
                            "event-time windows register no processing-time timers");
                }
            };
        }

        @Override
        public ClientChannel clientChannel(String channelId) {
            throw new UnsupportedOperationException("no client channels here");
        }
    }
}
