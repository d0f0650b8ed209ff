package io.spate.benchmarks;

import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.DiscardingSink;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobExecutionResult;
import io.spate.cluster.ClusterOptions;
import io.spate.common.config.Hardware;

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

    public static void main(String[] args) throws Exception {
        new ThroughputRuns(50_000_000, args)
                .measure(
                        "generator-map-filter-keyBy-sum",
                        "Sum.numRecordsIn",
                        PipelineThroughput::run);
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
}
