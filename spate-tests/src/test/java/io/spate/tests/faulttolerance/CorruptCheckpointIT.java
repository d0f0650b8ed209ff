package io.spate.tests.faulttolerance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spate.api.common.functions.MapFunction;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.DiscardingSink;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.CheckpointingOptions;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobExecutionException;
import io.spate.api.execution.JobFailure;
import io.spate.api.execution.JobStatus;
import io.spate.api.execution.RestartStrategyOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged checkpoint is found by its checksum before it is used: recovery falls back to the
 * previous one, or, when there is none, the job fails saying why.
 */
class CorruptCheckpointIT {

    /** Throws once whenever the test creates the trap file. */
    static final class Trap implements MapFunction<Long, Long> {
        private final String trapFile;

        Trap(Path trapFile) {
            this.trapFile = trapFile.toString();
        }

        @Override
        public Long map(Long value) throws IOException {
            if (Files.deleteIfExists(Path.of(trapFile))) {
                throw new IllegalStateException("trap sprung at " + value);
            }
            return value;
        }
    }

    private static JobClient start(Path dir) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        // Checkpoints are on, but only the savepoints the test takes are restart points.
        env.enableCheckpointing(Duration.ofHours(1));
        env.getConfiguration()
                .set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("chk").toString())
                .set(RestartStrategyOptions.TYPE, RestartStrategyOptions.Type.FIXED_DELAY)
                .set(RestartStrategyOptions.ATTEMPTS, 3)
                .set(RestartStrategyOptions.DELAY, Duration.ofMillis(10));
        env.fromSource(
                        new DataGeneratorSource<>(
                                i -> i, DataGeneratorSource.UNBOUNDED, 5_000, Types.LONG),
                        "Numbers")
                .uid("numbers")
                .keyBy(i -> i % 17)
                .map(new Trap(dir.resolve("trap")))
                .uid("trap")
                .sinkTo(new DiscardingSink<>());
        return env.executeAsync("corruption");
    }

    /** Flips bytes in the middle of every state file of a savepoint. */
    private static void corrupt(String savepoint) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(savepoint))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".state")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                bytes[bytes.length / 2] ^= (byte) 0xFF;
                Files.write(f, bytes);
            }
        }
    }

    @Test
    void recoveryFallsBackToThePreviousCheckpointWhenTheLatestIsDamaged(@TempDir Path dir)
            throws Exception {
        JobClient client = start(dir);
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.getMetrics().get().getRecordsIn() > 500);
            String good =
                    client.triggerSavepoint(dir.resolve("sp").toString()).get(30, TimeUnit.SECONDS);
            String bad =
                    client.triggerSavepoint(dir.resolve("sp").toString()).get(30, TimeUnit.SECONDS);
            corrupt(bad);

            Files.createFile(dir.resolve("trap"));
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    client.getFailureHistory().get().size() == 1
                                            && client.getJobStatus().get() == JobStatus.RUNNING);
            List<JobFailure> failures = client.getFailureHistory().get();
            assertThat(failures.get(0).cause()).contains("trap sprung");
            assertThat(failures.get(0).restoredFrom()).isEqualTo(good);
        } finally {
            client.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theJobFailsLoudlyWhenItsOnlyCheckpointIsDamaged(@TempDir Path dir) throws Exception {
        JobClient client = start(dir);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.getMetrics().get().getRecordsIn() > 500);
        String only =
                client.triggerSavepoint(dir.resolve("sp").toString()).get(30, TimeUnit.SECONDS);
        corrupt(only);

        Files.createFile(dir.resolve("trap"));
        try {
            client.getJobExecutionResult().get(60, TimeUnit.SECONDS);
            throw new AssertionError("the job should have failed");
        } catch (ExecutionException e) {
            assertThat(e.getCause())
                    .isInstanceOf(JobExecutionException.class)
                    .hasMessageContaining("cannot restart")
                    .hasMessageContaining("unusable")
                    .hasMessageContaining("checksum");
        }
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.FAILED);
    }
}
