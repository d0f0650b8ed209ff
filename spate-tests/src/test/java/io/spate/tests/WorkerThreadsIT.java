package io.spate.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.DiscardingSink;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobStatus;
import io.spate.cluster.ClusterOptions;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Subtasks share the worker threads: a job of parallelism 8 does not get 8 threads per stage. */
class WorkerThreadsIT {

    @Test
    void parallelismEightWithFourStagesRunsOnTheConfiguredWorkers() throws Exception {
        SpateThreads.awaitNone();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(8);
        env.getConfiguration().set(ClusterOptions.WORKER_THREADS, 2);
        env.fromSource(
                        new DataGeneratorSource<>(
                                i -> i, DataGeneratorSource.UNBOUNDED, Types.LONG),
                        "Numbers")
                .map(i -> i * 3)
                .keyBy(i -> i % 1000)
                .map(i -> i + 1)
                .rebalance()
                .filter(i -> i % 7 != 0)
                .keyBy(i -> i % 13)
                .reduce(Long::sum)
                .sinkTo(new DiscardingSink<>());
        // Stages: source+map | keyed map | filter | keyed reduce+sink: 4 vertices of 8 subtasks.
        JobClient client = env.executeAsync("eight by four");
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.getMetrics().get().getRecordsOut() > 10_000);
            assertThat(SpateThreads.count("-worker-")).isEqualTo(2);
            assertThat(SpateThreads.count("-blocking-")).isZero();
            // Besides the workers: one main thread each for the JobManager and the TaskExecutor.
            assertThat(SpateThreads.names()).hasSize(4);
            assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        } finally {
            client.cancel().get();
        }
        try {
            client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException expected) {
            // cancelled
        }
        SpateThreads.awaitNone();
    }
}
