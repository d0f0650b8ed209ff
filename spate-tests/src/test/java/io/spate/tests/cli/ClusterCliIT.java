package io.spate.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spate.tests.KeyedCountOutput;
import io.spate.tests.cli.programs.KeyedCountProgram;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job commands against a standalone cluster, as a person runs them from a shell: {@code spate
 * run --jobmanager} a program's jar on a JobManager and two TaskManagers (separate JVMs without the
 * program's classes), then {@code spate list}, {@code spate savepoint}, {@code spate stop}, {@code
 * spate run --from-savepoint} at another parallelism, and {@code spate cancel} — all with {@code
 * --jobmanager} naming the cluster's REST API. The resumed job's output is exactly that of a run
 * never stopped.
 */
class ClusterCliIT {
    private static final long RECORDS = 60_000;
    private static final int RATE = 2_000;
    private static final int SOME_OUTPUT = 2_000;
    private static final Duration STEP = Duration.ofSeconds(90);
    private static final Pattern SUBMITTED =
            Pattern.compile(
                    "Job '" + KeyedCountProgram.JOB_NAME + "' submitted with id ([0-9a-f]{32})");

    @TempDir Path dir;

    private SpateCommands spate;

    @BeforeEach
    void commands() {
        spate = new SpateCommands(dir, STEP);
    }

    @AfterEach
    void killProcesses() {
        spate.close();
    }

    @Test
    void runListSavepointStopResumeAndCancelOnACluster() throws Exception {
        Path jar = ProgramJar.write(dir.resolve("keyed-count.jar"), KeyedCountProgram.class);
        Path out = dir.resolve("out");
        Path checkpoints = dir.resolve("checkpoints");
        Path savepoints = dir.resolve("savepoints");
        try (StandaloneClusterFixture cluster =
                new StandaloneClusterFixture(dir, SpateProcess.classPathWithoutTestClasses())) {
            cluster.startTaskManager(2);
            cluster.startTaskManager(2);
            String api = cluster.restAddress();

            SpateProcess run =
                    spate.start(
                            "run",
                            "--jobmanager",
                            api,
                            "--parallelism",
                            "2",
                            "-D",
                            "state.checkpoints.dir=" + checkpoints,
                            "-D",
                            "state.savepoints.dir=" + savepoints,
                            jar.toString(),
                            out.toString(),
                            String.valueOf(RECORDS),
                            String.valueOf(RATE));
            String jobId = run.awaitErrLine(SUBMITTED, STEP).group(1);
            await("committed output of the running job")
                    .atMost(STEP)
                    .ignoreException(NoSuchFileException.class)
                    .until(() -> KeyedCountOutput.committedLines(out).size() >= SOME_OUTPUT);

            SpateProcess list = spate.command("list", "--jobmanager", api);
            assertThat(list.exitCode()).as("%s", list).isZero();
            assertThat(list.outLines())
                    .as("%s", list)
                    .anySatisfy(l -> assertThat(l).startsWith(jobId).contains(" RUNNING "));

            SpateProcess savepoint =
                    spate.command(
                            "savepoint",
                            "--jobmanager",
                            api,
                            jobId,
                            dir.resolve("manual").toString());
            assertThat(savepoint.exitCode()).as("%s", savepoint).isZero();
            assertThat(
                            SpateCommands.reportedPath(savepoint, "Savepoint completed: ")
                                    .resolve("_metadata"))
                    .isRegularFile();

            SpateProcess stop = spate.command("stop", "--jobmanager", api, jobId);
            assertThat(stop.exitCode()).as("%s", stop).isZero();
            Path stopSavepoint =
                    SpateCommands.reportedPath(
                            stop, "Job " + jobId + " stopped with a savepoint: ");
            assertThat(stopSavepoint.getParent()).isEqualTo(savepoints);
            assertThat(run.awaitExit(STEP)).as("%s", run).isZero();

            SpateProcess resumed =
                    spate.command(
                            "run",
                            "--jobmanager",
                            api,
                            "--from-savepoint",
                            stopSavepoint.toString(),
                            "--parallelism",
                            "4",
                            "-D",
                            "state.checkpoints.dir=" + checkpoints,
                            jar.toString(),
                            out.toString(),
                            String.valueOf(RECORDS),
                            "0");
            assertThat(resumed.exitCode()).as("%s", resumed).isZero();
            assertThat(KeyedCountOutput.committedLines(out))
                    .isEqualTo(KeyedCountOutput.expected(RECORDS, KeyedCountProgram.KEYS));

            SpateProcess another =
                    spate.start(
                            "run",
                            "--jobmanager",
                            api,
                            "-D",
                            "state.checkpoints.dir=" + checkpoints,
                            jar.toString(),
                            dir.resolve("out2").toString(),
                            String.valueOf(RECORDS),
                            "100");
            String second = another.awaitErrLine(SUBMITTED, STEP).group(1);
            SpateProcess cancel = spate.command("cancel", "--jobmanager", api, second);
            assertThat(cancel.exitCode()).as("%s", cancel).isZero();
            another.awaitExit(STEP);
            await().atMost(STEP)
                    .untilAsserted(
                            () ->
                                    assertThat(
                                                    spate.command("list", "--jobmanager", api)
                                                            .outLines())
                                            .anySatisfy(
                                                    l ->
                                                            assertThat(l)
                                                                    .startsWith(second)
                                                                    .contains(" CANCELED ")));
        }
    }
}
