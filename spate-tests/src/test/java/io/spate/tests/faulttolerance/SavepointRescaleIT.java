package io.spate.tests.faulttolerance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.FileSink;
import io.spate.api.connector.sink.SimpleStringEncoder;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.CheckpointingOptions;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobStatus;
import io.spate.tests.KeyedCountOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A job stopped with a savepoint at parallelism 2 and started again from it at parallelism 1 or 4
 * ends with the state and output of a run that was never interrupted: keyed state moves with its
 * key groups, source positions with their splits.
 */
class SavepointRescaleIT {
    private static final long RECORDS = 60_000;
    private static final int KEYS = 53;

    private static StreamExecutionEnvironment job(int parallelism, Path out, Path checkpoints) {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.enableCheckpointing(Duration.ofMillis(200));
        env.getConfiguration()
                .set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toString());
        env.fromSource(new DataGeneratorSource<>(i -> i, RECORDS, 20_000, Types.LONG), "Numbers")
                .uid("numbers")
                .keyBy(i -> i % KEYS)
                .process(new ExactlyOnceFaultIT.Count())
                .uid("count")
                .sinkTo(FileSink.forRowFormat(out.toString(), new SimpleStringEncoder<String>()))
                .uid("files");
        return env;
    }

    @ParameterizedTest(name = "restore at parallelism {0}")
    @ValueSource(ints = {1, 4})
    void aSavepointTakenAtParallelismTwoRestoresAtAnotherParallelism(
            int parallelism, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        StreamExecutionEnvironment first = job(2, out, dir.resolve("chk"));
        JobClient client = first.executeAsync("before the savepoint");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> client.getMetrics().get().getRecordsIn() > RECORDS / 3);
        String savepoint =
                client.stopWithSavepoint(dir.resolve("savepoints").toString())
                        .get(60, TimeUnit.SECONDS);
        try {
            client.getJobExecutionResult().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException stopped) {
            // a stopped job ends cancelled
        }
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.CANCELED);
        assertThat(Path.of(savepoint).resolve("_metadata")).exists();
        Map<String, Integer> beforeRestore = KeyedCountOutput.committedLines(out);
        assertThat(beforeRestore.size()).isBetween((int) (RECORDS / 4), (int) (RECORDS - 1));

        StreamExecutionEnvironment second = job(parallelism, out, dir.resolve("chk"));
        second.getConfiguration().set(CheckpointingOptions.RESTORE_PATH, savepoint);
        second.execute("after the savepoint");

        Map<String, Integer> expected = KeyedCountOutput.expected(RECORDS, KEYS);
        assertThat(KeyedCountOutput.committedLines(out)).isEqualTo(expected);
        try (Stream<Path> files = Files.list(Path.of(savepoint))) {
            assertThat(files).isNotEmpty(); // savepoints are never deleted
        }
    }
}
