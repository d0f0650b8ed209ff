package io.spate.benchmarks;

import io.spate.annotations.SuppressForbidden;
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
import io.spate.common.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures the throughput of a keyed sliding-window count in event time — {@code generator → keyBy
 * → window(size 10 s, slide 2 s) → aggregate(count)} — on the embedded engine: records per second,
 * and records per second per core actually used (process CPU time divided by wall time), after
 * warm-up runs.
 *
 * <p>Record {@code i} has key {@code i mod keys} and timestamp {@code i / perMilli} ms (10 per ms
 * by default: 100,000 records per window, each record in 5 windows); watermarks follow the
 * timestamps of each split (monotonous), so windows fire and are cleaned up as the run goes.
 *
 * <pre>
 *   java -cp spate-benchmarks/target/spate-benchmarks.jar io.spate.benchmarks.WindowThroughput \
 *       --parallelism 1 --records 20000000 --runs 3
 * </pre>
 */
public final class WindowThroughput {
    private WindowThroughput() {}

    @SuppressForbidden(reason = "a benchmark reports on the console")
    public static void main(String[] args) throws Exception {
        int parallelism = 1;
        long records = 20_000_000;
        int runs = 3;
        int warmups = 2;
        long keys = 10_000;
        long perMilli = 10;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--parallelism" -> parallelism = Integer.parseInt(value);
                case "--records" -> records = Long.parseLong(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--warmups" -> warmups = Integer.parseInt(value);
                case "--keys" -> keys = Long.parseLong(value);
                case "--per-milli" -> perMilli = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        double[] perSecond = new double[runs];
        double[] perCore = new double[runs];
        for (int r = -warmups; r < runs; r++) {
            Clock clock = Clock.system();
            long cpu0 = processCpuNanos();
            long t0 = clock.nanoTime();
            JobExecutionResult result = run(parallelism, records, keys, perMilli);
            long wall = clock.nanoTime() - t0;
            long cpu = processCpuNanos() - cpu0;
            double rps = records / (wall / 1e9);
            double cores = (double) cpu / wall;
            System.out.printf(
                    Locale.ROOT,
                    "%s run %d: %,d records in %.2f s = %,.0f records/s using %.2f cores ="
                            + " %,.0f records/s per core (%,d window results)%n",
                    r < 0 ? "warm-up" : "measured",
                    r < 0 ? r + warmups + 1 : r + 1,
                    records,
                    wall / 1e9,
                    rps,
                    cores,
                    rps / cores,
                    result.getCounter("Count.numRecordsOut"));
            if (r >= 0) {
                perSecond[r] = rps;
                perCore[r] = rps / cores;
            }
        }
        Arrays.sort(perSecond);
        Arrays.sort(perCore);
        System.out.printf(
                Locale.ROOT,
                "RESULT pipeline=generator-keyBy-sliding(10s,2s)-count parallelism=%d cores=%d"
                        + " records=%d keys=%d median_records_per_s=%.0f"
                        + " median_records_per_s_per_core=%.0f%n",
                parallelism,
                Hardware.availableProcessors(),
                records,
                keys,
                perSecond[runs / 2],
                perCore[runs / 2]);
    }

    static JobExecutionResult run(int parallelism, long records, long keys, long perMilli)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.getConfiguration().set(ClusterOptions.WORKER_THREADS, Hardware.availableProcessors());
        env.fromSource(
                        new DataGeneratorSource<>(i -> i, records, Types.LONG),
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

    private static long processCpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this OS does not report CPU time"))
                .toNanos();
    }
}
