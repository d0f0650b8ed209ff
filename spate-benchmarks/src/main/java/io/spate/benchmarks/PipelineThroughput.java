package io.spate.benchmarks;

import io.spate.annotations.SuppressForbidden;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.DiscardingSink;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobExecutionResult;
import io.spate.cluster.ClusterOptions;
import io.spate.common.config.Hardware;
import io.spate.common.time.Clock;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures the throughput of {@code generator → map → filter → keyBy → sum} on the embedded engine:
 * records per second, and records per second per core actually used (process CPU time divided by
 * wall time), after warm-up runs.
 *
 * <pre>
 *   java -cp spate-benchmarks/target/spate-benchmarks.jar io.spate.benchmarks.PipelineThroughput \
 *       --parallelism 1 --records 50000000 --runs 5
 * </pre>
 */
public final class PipelineThroughput {
    private PipelineThroughput() {}

    @SuppressForbidden(reason = "a benchmark reports on the console")
    public static void main(String[] args) throws Exception {
        int parallelism = 1;
        long records = 50_000_000;
        int runs = 5;
        int warmups = 2;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--parallelism":
                    parallelism = Integer.parseInt(args[i + 1]);
                    break;
                case "--records":
                    records = Long.parseLong(args[i + 1]);
                    break;
                case "--runs":
                    runs = Integer.parseInt(args[i + 1]);
                    break;
                case "--warmups":
                    warmups = Integer.parseInt(args[i + 1]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        double[] perSecond = new double[runs];
        double[] perCore = new double[runs];
        for (int r = -warmups; r < runs; r++) {
            Clock clock = Clock.system();
            long cpu0 = processCpuNanos();
            long t0 = clock.nanoTime();
            JobExecutionResult result = run(parallelism, records);
            long wall = clock.nanoTime() - t0;
            long cpu = processCpuNanos() - cpu0;
            long out = result.getCounter("Sum.numRecordsIn");
            double rps = records / (wall / 1e9);
            double cores = (double) cpu / wall;
            System.out.printf(
                    Locale.ROOT,
                    "%s run %d: %,d records in %.2f s = %,.0f records/s using %.2f cores = %,.0f records/s per core (sum saw %,d)%n",
                    r < 0 ? "warm-up" : "measured",
                    r < 0 ? r + warmups + 1 : r + 1,
                    records,
                    wall / 1e9,
                    rps,
                    cores,
                    rps / cores,
                    out);
            if (r >= 0) {
                perSecond[r] = rps;
                perCore[r] = rps / cores;
            }
        }
        Arrays.sort(perSecond);
        Arrays.sort(perCore);
        System.out.printf(
                Locale.ROOT,
                "RESULT pipeline=generator-map-filter-keyBy-sum parallelism=%d cores=%d records=%d"
                        + " median_records_per_s=%.0f median_records_per_s_per_core=%.0f%n",
                parallelism,
                Hardware.availableProcessors(),
                records,
                perSecond[runs / 2],
                perCore[runs / 2]);
    }

    static JobExecutionResult run(int parallelism, long records) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.getConfiguration().set(ClusterOptions.WORKER_THREADS, Hardware.availableProcessors());
        env.fromSource(new DataGeneratorSource<>(i -> i, records, Types.LONG), "Generator")
                .map(i -> i * 7)
                .name("Map")
                .filter(i -> (i & 1) == 0 || i % 3 != 0)
                .name("Filter")
                .keyBy(i -> i % 10_000)
                .sum(0)
                .name("Sum")
                .sinkTo(new DiscardingSink<>());
        return env.execute("throughput");
    }

    private static long processCpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this OS does not report CPU time"))
                .toNanos();
    }
}
