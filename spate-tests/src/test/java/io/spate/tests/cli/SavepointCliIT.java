package io.spate.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spate.tests.KeyedCountOutput;
import io.spate.tests.cli.programs.KeyedCountProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's savepoint workflow as a person runs it from a shell, every {@code spate} command a JVM
 * of its own, talking to the JobManager that {@code spate run} embeds through its REST API on a
 * loopback socket: run a keyed job at parallelism 2, {@code list} it, {@code savepoint} it, {@code
 * stop} it, and {@code run --from-savepoint} at parallelism 1 and 4. The resumed job's committed
 * output is exactly that of a run never interrupted (each key counted once per record, as {@code
 * ExactlyOnceFaultIT} checks for an uninterrupted run). Also the errors a person meets: a wrong job
 * id, and no JobManager at the address.
 */
class SavepointCliIT {
    /** At {@link #RATE} per second the first run would take 100 s: ample time to stop it. */
    private static final long RECORDS = 100_000;

    private static final int RATE = 1_000;

    /** Committed output that shows the job is well under way when it is stopped. */
    private static final int SOME_OUTPUT = 2_000;

    /** The longest any one step may take on a slow, busy machine. */
    private static final Duration STEP = Duration.ofSeconds(90);

    private static final Pattern SUBMITTED =
            Pattern.compile(
                    "Job '" + KeyedCountProgram.JOB_NAME + "' submitted with id ([0-9a-f]{32})");
    private static final Pattern API = Pattern.compile("REST API on http://(127\\.0\\.0\\.1:\\d+)");

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
    void savepointStopAndResumeAtAnotherParallelismFromTheCommandLine() throws Exception {
        Path jar = ProgramJar.write(dir.resolve("keyed-count.jar"), KeyedCountProgram.class);
        Path out = dir.resolve("out");
        Path checkpoints = dir.resolve("checkpoints");
        Path savepoints = dir.resolve("savepoints");

        SpateProcess run =
                spate.start(
                        "run",
                        "--parallelism",
                        "2",
                        "-D",
                        "rest.port=0",
                        "-D",
                        "state.checkpoints.dir=" + checkpoints,
                        "-D",
                        "state.savepoints.dir=" + savepoints,
                        jar.toString(),
                        out.toString(),
                        String.valueOf(RECORDS),
                        String.valueOf(RATE));
        String jobId = run.awaitErrLine(SUBMITTED, STEP).group(1);
        String api = run.awaitErrLine(API, STEP).group(1);
        await("committed output of the running job")
                .atMost(STEP)
                // a file may be committed (renamed) while it is listed
                .ignoreException(NoSuchFileException.class)
                .until(
                        () -> {
                            assertThat(run.isAlive()).as("%s", run).isTrue();
                            return KeyedCountOutput.committedLines(out).size() >= SOME_OUTPUT;
                        });

        // spate list: the job, running
        SpateProcess list = spate.command("list", "--jobmanager", api);
        assertThat(list.exitCode()).as("%s", list).isZero();
        assertThat(list.outLines())
                .as("%s", list)
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .startsWith(jobId)
                                        .containsPattern(" RUNNING ")
                                        .endsWith(KeyedCountProgram.JOB_NAME));

        // A wrong job id: one line that says so and names the jobs there are.
        String unknown = "0123456789abcdef0123456789abcdef";
        SpateProcess wrong =
                spate.command(
                        "savepoint",
                        "--jobmanager",
                        api,
                        unknown,
                        dir.resolve("nowhere").toString());
        assertThat(wrong.exitCode()).as("%s", wrong).isEqualTo(1);
        assertThat(SpateCommands.errorLines(wrong))
                .as("%s", wrong)
                .containsExactly(
                        "spate: error: no job "
                                + unknown
                                + " at "
                                + api
                                + "; the jobs there: "
                                + jobId
                                + " RUNNING '"
                                + KeyedCountProgram.JOB_NAME
                                + "'");
        assertThat(dir.resolve("nowhere")).doesNotExist();

        // spate savepoint <job> <dir>: a savepoint in dir; the job goes on.
        Path manual = dir.resolve("manual");
        SpateProcess savepoint =
                spate.command("savepoint", "--jobmanager", api, jobId, manual.toString());
        assertThat(savepoint.exitCode()).as("%s", savepoint).isZero();
        Path manualSavepoint = SpateCommands.reportedPath(savepoint, "Savepoint completed: ");
        assertThat(manualSavepoint.getParent()).isEqualTo(manual);
        assertThat(manualSavepoint.resolve("_metadata")).isRegularFile();
        assertThat(run.isAlive()).as("%s", run).isTrue();

        // spate stop <job>: a savepoint in the job's state.savepoints.dir, then the run ends well.
        SpateProcess stop = spate.command("stop", "--jobmanager", api, jobId);
        assertThat(stop.exitCode()).as("%s", stop).isZero();
        Path stopSavepoint =
                SpateCommands.reportedPath(stop, "Job " + jobId + " stopped with a savepoint: ");
        assertThat(stopSavepoint.getParent()).isEqualTo(savepoints);
        assertThat(stopSavepoint.resolve("_metadata")).isRegularFile();
        assertThat(run.awaitExit(STEP)).as("%s", run).isZero();
        assertThat(run.errLines())
                .as("%s", run)
                .contains(
                        "Job '"
                                + KeyedCountProgram.JOB_NAME
                                + "' stopped with a savepoint at "
                                + stopSavepoint)
                .noneMatch(line -> line.startsWith("spate: error:"));
        int committedAtStop = KeyedCountOutput.committedLines(out).size();
        assertThat(committedAtStop).isBetween(SOME_OUTPUT, (int) RECORDS - 1);

        // Nothing listening any more: one line that names the address.
        SpateProcess gone = spate.command("list", "--jobmanager", api);
        assertThat(gone.exitCode()).as("%s", gone).isEqualTo(1);
        assertThat(gone.errLines())
                .as("%s", gone)
                .singleElement()
                .satisfies(
                        line ->
                                assertThat(line)
                                        .startsWith(
                                                "spate: error: no Spate JobManager at "
                                                        + api
                                                        + " (connection refused)")
                                        .contains("--jobmanager"));

        // spate run --from-savepoint, at parallelism 1 and 4, each from the output as it was at
        // the stop.
        Path outAtStop = dir.resolve("out-at-stop");
        copyTree(out, outAtStop);
        for (int parallelism : new int[] {1, 4}) {
            deleteTree(out);
            copyTree(outAtStop, out);
            SpateProcess resumed =
                    spate.command(
                            "run",
                            "--from-savepoint",
                            stopSavepoint.toString(),
                            "--parallelism",
                            String.valueOf(parallelism),
                            "-D",
                            "rest.port=0",
                            "-D",
                            "state.checkpoints.dir=" + checkpoints,
                            jar.toString(),
                            out.toString(),
                            String.valueOf(RECORDS),
                            "0");
            assertThat(resumed.exitCode()).as("%s", resumed).isZero();
            assertThat(SpateCommands.errorLines(resumed)).as("%s", resumed).isEmpty();
            assertThat(KeyedCountOutput.committedLines(out))
                    .as("output after resuming at parallelism %d", parallelism)
                    .isEqualTo(KeyedCountOutput.expected(RECORDS, KeyedCountProgram.KEYS));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder())
                    .forEach(
                            p -> {
                                try {
                                    Files.delete(p);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        }
    }
}
