package io.spate.benchmarks;

import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.DiscardingSink;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobExecutionResult;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.cluster.ClusterOptions;
import io.spate.common.config.Hardware;
import java.time.Duration;

/**
 * Measures the throughput of a keyed sliding-window count in event time — {@code generator → keyBy
 * → window(size 10 s, slide 2 s) → aggregate(count)} — on the embedded engine: records per second,
 * and records per second per core actually used (process CPU time divided by wall time), after
 * warm-up runs.
 *
 * <p>Event {@code e} has key {@code e mod keys} and timestamp {@code e / perMilli} ms (10 per ms by
 * default: 100,000 events per window, each event in 5 windows); watermarks follow the timestamps of
 * each split (monotonous), so windows fire and are cleaned up as the run goes. The generator's
 * subtasks take the events in turns (subtask {@code s} of {@code p} makes events {@code s, s + p, s
 * + 2p, …}), so that all subtasks move through event time together — as the partitions of a real
 * source do — rather than each producing a contiguous range of events that lies far ahead of or
 * behind the others.
 *
 * <pre>
 *   java -cp spate-benchmarks/target/spate-benchmarks.jar io.spate.benchmarks.WindowThroughput \
 *       --parallelism 1 --records 20000000 --runs 3
 * </pre>
 */
public final class WindowThroughput {
    private WindowThroughput() {}

    public static void main(String[] args) throws Exception {
        ThroughputRuns runs = new ThroughputRuns(20_000_000, args);
        long keys = runs.longOption("keys", 10_000);
        long perMilli = runs.longOption("per-milli", 10);
        runs.measure(
                "generator-keyBy-sliding(10s,2s)-count keys=" + keys + " per_milli=" + perMilli,
                "Count.numRecordsOut",
                (parallelism, records) -> run(parallelism, records, keys, perMilli));
    }

    static JobExecutionResult run(int parallelism, long records, long keys, long perMilli)
            throws Exception {
        // The generator hands subtask s the index range [s * share, (s + 1) * share); index i is
        // the (i mod share)-th event of that subtask, which is event (i mod share) * p + s.
        long share = records / parallelism;
        if (share * parallelism != records) {
            throw new IllegalArgumentException(
                    "--records must be a multiple of --parallelism, got "
                            + records
                            + " and "
                            + parallelism);
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.getConfiguration().set(ClusterOptions.WORKER_THREADS, Hardware.availableProcessors());
        env.fromSource(
                        new DataGeneratorSource<>(
                                i -> (i % share) * parallelism + i / share, records, Types.LONG),
                        WatermarkStrategy.<Long>forMonotonousTimestamps()
                                .withTimestampAssigner((i, ts) -> i / perMilli),
                        "Generator")
                .keyBy(i -> i % keys)
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(2)))
                .aggregate(new Count())
                .name("Count")
                .sinkTo(new DiscardingSink<>());
        return env.execute("window throughput");
    }

    /** Counts a window's records in one accumulator. */
    static final class Count implements AggregateFunction<Long, long[], Long> {
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
            a[0] += b[0];
            return a;
        }
    }
}
