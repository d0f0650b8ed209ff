package io.spate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobExecutionException;
import io.spate.api.execution.JobExecutionResult;
import io.spate.api.execution.JobStatus;
import io.spate.api.execution.OperatorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running jobs: results, job clients, and the programs that are refused. */
class ExecutionIT {

    @TempDir Path dir;

    @Test
    void executeReturnsTheResultWithRuntimeAndCounters() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, 5000)
                .filter(i -> i % 5 == 0)
                .name("Fives")
                .sinkTo(new DiscardSink<>())
                .name("Out");

        JobExecutionResult result = env.execute("the job");

        assertThat(result.getJobName()).isEqualTo("the job");
        assertThat(result.getJobId()).isNotNull();
        assertThat(result.getNetRuntime()).isPositive();
        assertThat(result.getCounter("Fives.numRecordsIn")).isEqualTo(5000);
        assertThat(result.getCounter("Fives.numRecordsOut")).isEqualTo(1000);
        assertThat(result.getCounter("Out.numRecordsIn")).isEqualTo(1000);
    }

    @Test
    void executeAsyncGivesAClientThatSeesTheJobRunAndFinish() throws Exception {
        Path gate = dir.resolve("gate");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSource(new GatedSource(gate, 1000), "Gated")
                .rebalance()
                .map(i -> i * 2)
                .name("Double")
                .sinkTo(new DiscardSink<>());
        List<JobClient> submitted = new ArrayList<>();
        env.registerJobListener(submitted::add);

        JobClient client = env.executeAsync("gated");

        assertThat(submitted).containsExactly(client);
        assertThat(client.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
        assertThat(client.getJobExecutionResult()).isNotDone();
        assertThat(client.getMetrics().get(10, TimeUnit.SECONDS).getRecordsIn()).isZero();

        Files.createFile(gate);

        JobExecutionResult result = client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        assertThat(result.getJobId()).isEqualTo(client.getJobId());
        assertThat(result.getCounter("Double.numRecordsOut")).isEqualTo(1000);
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> client.getJobStatus().get(5, TimeUnit.SECONDS),
                        JobStatus.FINISHED::equals);
        assertThat(client.getMetrics().get(10, TimeUnit.SECONDS).getRecordsOut()).isEqualTo(1000);
    }

    @Test
    void aJobWithoutSinksIsRefused() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromElements(1, 2, 3).map(i -> i + 1);

        assertThatThrownBy(env::execute)
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("no sinks");
        assertThatThrownBy(env::executeAsync)
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("no sinks");
    }

    @Test
    void aLambdaCapturingSomethingUnserializableIsRefusedBeforeAnythingRuns() {
        EngineThreads.awaitNone();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        Unserializable prefix = new Unserializable("n=");
        env.fromSequence(1, 10)
                .map(i -> prefix.text + i)
                .name("Formatter")
                .sinkTo(new DiscardSink<>());

        assertThatThrownBy(() -> env.executeAsync("unserializable"))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("operator 'Formatter'")
                .hasMessageContaining(Unserializable.class.getName())
                .hasMessageContaining("not serializable");
        // Refused while planning: no engine was started.
        assertThat(EngineThreads.names()).isEmpty();
    }

    @Test
    void aMapReturningNullFailsTheJobSayingStreamsCannotCarryNull() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromElements("a", "b", "c")
                .map(s -> s.equals("b") ? null : s.toUpperCase(java.util.Locale.ROOT))
                .name("Sometimes null")
                .sinkTo(new DiscardSink<>());

        assertThatThrownBy(() -> env.execute("nulls"))
                .isInstanceOfSatisfying(
                        JobExecutionException.class,
                        e -> {
                            assertThat(e.getStatus()).isEqualTo(JobStatus.FAILED);
                            assertThat(e.getMessage())
                                    .contains("'Sometimes null'")
                                    .contains("returned null for element b")
                                    .contains("streams cannot carry null");
                            assertThat(e.getCause()).isInstanceOf(OperatorException.class);
                        });
    }

    @Test
    void anEnvironmentRunsAgainAfterAJobWithOnlyTheNewOperators() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        List<String> first = Jobs.collect(env.fromElements("one"));
        List<String> second = Jobs.collect(env.fromElements("two", "three"));

        assertThat(first).containsExactly("one");
        assertThat(second).containsExactly("two", "three");
    }

    /** Holds text; deliberately not serializable. */
    static final class Unserializable {
        final String text;

        Unserializable(String text) {
            this.text = text;
        }
    }
}
