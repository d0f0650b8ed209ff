package io.spate.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.tests.cli.programs.AsyncProgram;
import io.spate.tests.cli.programs.FailingProgram;
import io.spate.tests.cli.programs.SequenceProgram;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spate run} of programs packed into jars on the fly, on the embedded engine. */
class RunCommandTest {
    @TempDir Path dir;

    @Test
    void runsTheProgramOfAJar() {
        Path jar = ProgramJar.write(dir.resolve("sequence.jar"), SequenceProgram.class);

        CliRun run = CliRun.of("run", "--parallelism", "2", jar.toString(), "20");

        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(run.errLines())
                .as("%s", run)
                .satisfiesExactly(announcesJob("Sequence"), announcesApi());
        assertThat(run.outLines().stream().map(l -> l.replaceFirst("^\\d+> ", "")))
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, 20)
                                .mapToObj(Integer::toString)
                                .collect(Collectors.toList()));
    }

    @Test
    void aFailingFunctionFailsTheRunWithOneLineNamingTheOperator() {
        Path jar = ProgramJar.write(dir.resolve("failing.jar"), FailingProgram.class);

        CliRun run = CliRun.of("run", "-p", "1", jar.toString());

        assertThat(run.exitCode).as("%s", run).isEqualTo(1);
        assertThat(run.errLines())
                .as("%s", run)
                .satisfiesExactly(
                        announcesJob("Validation"),
                        announcesApi(),
                        line ->
                                assertThat(line)
                                        .isEqualTo(
                                                "spate: error: job 'Validation' failed: Operator"
                                                        + " 'Validate' (subtask 1 of 1) failed:"
                                                        + " java.lang.IllegalStateException: bad"
                                                        + " record \"42\""));
    }

    @Test
    void withTheRestApiOffAnnouncesOnlyTheJob() {
        Path jar = ProgramJar.write(dir.resolve("sequence.jar"), SequenceProgram.class);

        CliRun run = CliRun.of("run", "-p", "1", "-D", "rest.enabled=false", jar.toString(), "3");

        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(run.errLines()).as("%s", run).satisfiesExactly(announcesJob("Sequence"));
    }

    @Test
    void aNonexistentJarIsOneLine() {
        Path missing = dir.resolve("no-such.jar");

        CliRun run = CliRun.of("run", missing.toString(), "arg");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly("spate: error: Jar file not found: " + missing.toAbsolutePath());
        assertThat(run.out).isEmpty();
    }

    @Test
    void waitsForAJobTheProgramLeftRunning() {
        Path jar = ProgramJar.write(dir.resolve("async.jar"), AsyncProgram.class);

        CliRun run = CliRun.of("run", "-p", "1", jar.toString(), "100");

        assertThat(run.exitCode).as("%s", run).isZero();
        assertThat(run.outLines()).hasSize(100).contains("record 0", "record 99");
    }

    /** {@code spate run} tells which job it submitted, by id, on standard error. */
    private static ThrowingConsumer<String> announcesJob(String name) {
        return line ->
                assertThat(line).matches("Job '" + name + "' submitted with id [0-9a-f]{32}");
    }

    /** ... and where the REST API that controls it listens: loopback by default. */
    private static ThrowingConsumer<String> announcesApi() {
        return line -> assertThat(line).matches("REST API on http://127\\.0\\.0\\.1:\\d+");
    }
}
