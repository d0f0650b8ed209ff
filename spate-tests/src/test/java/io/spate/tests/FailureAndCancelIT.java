package io.spate.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.DiscardingSink;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobExecutionException;
import io.spate.api.execution.JobStatus;
import io.spate.api.execution.OperatorException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A failing user function fails the job clearly; cancelling stops everything promptly. */
class FailureAndCancelIT {

    @Test
    void aFailingFunctionFailsTheJobNamingOperatorAndSubtask() {
        SpateThreads.awaitNone();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        env.fromSequence(0, 1_000_000)
                .rebalance()
                .map(
                        i -> {
                            if (i == 777_777) {
                                throw new IllegalStateException("record " + i + " is cursed");
                            }
                            return i;
                        })
                .name("Curse detector")
                .sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("cursed"))
                .isInstanceOfSatisfying(
                        JobExecutionException.class,
                        e -> {
                            assertThat(e.getStatus()).isEqualTo(JobStatus.FAILED);
                            assertThat(e.getMessage()).contains("cursed");
                            assertThat(e.getCause())
                                    .isInstanceOfSatisfying(
                                            OperatorException.class,
                                            op -> {
                                                assertThat(op.getOperatorName())
                                                        .isEqualTo("Curse detector");
                                                assertThat(op.getSubtaskIndex()).isBetween(0, 3);
                                                assertThat(op.getParallelism()).isEqualTo(4);
                                                assertThat(op.getMessage())
                                                        .contains("'Curse detector'")
                                                        .contains("of 4");
                                            });
                            assertThat(e.getCause().getCause())
                                    .isInstanceOf(IllegalStateException.class)
                                    .hasMessage("record 777777 is cursed");
                        });
        SpateThreads.awaitNone();
    }

    @Test
    void cancellingAnUnboundedJobStopsEveryThreadPromptly() throws Exception {
        SpateThreads.awaitNone();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        env.fromSource(
                        new DataGeneratorSource<>(
                                i -> "event-" + i, DataGeneratorSource.UNBOUNDED, Types.STRING),
                        "Endless")
                .keyBy(s -> s.length())
                .map(s -> s.toUpperCase(java.util.Locale.ROOT))
                .sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync("endless");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.getMetrics().get().getRecordsOut() > 1000);

        client.cancel().get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> client.getJobExecutionResult().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        JobExecutionException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(JobStatus.CANCELED));
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.CANCELED);
        SpateThreads.awaitNone();
    }
}
