package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parsing and error reporting of the command line, in-process. No engine is on this module's
 * classpath, so nothing here runs a job.
 */
class SpateCliTest {
    @TempDir Path dir;

    @Test
    void helpAndVersionAreEverywhere() {
        for (String[] args :
                new String[][] {
                    {"--help"}, {"-h"}, {"run", "--help"}, {"demo", "-h"}, {"help", "run"}
                }) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode).as("%s", run).isZero();
            assertThat(run.out).as("%s", run).startsWith("Usage: spate");
            assertThat(run.err).isEmpty();
        }
        for (String[] args : new String[][] {{"--version"}, {"run", "--version"}, {"demo", "-V"}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode).isZero();
            assertThat(run.out).startsWith("Spate 0.").contains("Java ");
        }
    }

    @Test
    void runHelpShowsTheOptions() {
        CliRun run = CliRun.of("run", "--help");
        assertThat(run.out)
                .contains("<jar>", "--class", "--parallelism", "-D=<key=value>", "--progress");
    }

    @Test
    void noCommandIsAUsageError() {
        assertUsageError(CliRun.of(), "spate: error: No command given (see 'spate --help')");
    }

    @Test
    void anUnknownCommandIsNamed() {
        assertUsageError(
                CliRun.of("start", "x.jar"),
                "spate: error: Unknown command 'start'; the commands are run, demo, list, savepoint, stop,"
                        + " cancel, nexmark, jobmanager, taskmanager, cluster,"
                        + " help (see"
                        + " 'spate --help')");
    }

    @Test
    void runWithoutJarIsAUsageError() {
        assertUsageError(
                CliRun.of("run"),
                "spate: error: Missing required parameter: '<jar>' (see 'spate run --help')");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertUsageError(
                CliRun.of("demo", "--rat", "5"),
                "spate: error: Unknown options: '--rat', '5' (see 'spate demo --help')");
    }

    @Test
    void settingsAreCheckedBeforeAnythingRuns() {
        assertUsageError(
                CliRun.of("run", "-D", "parallelism.default=many", "missing.jar"),
                "spate: error: Invalid value 'many' for option 'parallelism.default' (Integer):"
                        + " For input string: \"many\" (see 'spate run --help')");
        assertUsageError(
                CliRun.of("run", "--parallelism", "0", "missing.jar"),
                "spate: error: The parallelism must be at least 1, was 0 (see 'spate run --help')");
        assertUsageError(
                CliRun.of("run", "-D", "parallelism.default", "missing.jar"),
                "spate: error: Value for option option '-D' (<key=value>) should be in KEY=VALUE"
                        + " format but was parallelism.default (see 'spate run --help')");
        assertUsageError(
                CliRun.of("demo", "--rate", "0"),
                "spate: error: --rate must be a positive number, was 0.0 (see 'spate demo"
                        + " --help')");
        assertUsageError(
                CliRun.of("demo", "--progress=sometimes"),
                "spate: error: Invalid value for option '--progress': expected one of [AUTO,"
                        + " ALWAYS, NEVER] (case-insensitive) but was 'sometimes' (see 'spate demo"
                        + " --help')");
    }

    @Test
    void aMissingJarIsOneLine() {
        Path missing = dir.resolve("missing.jar");
        CliRun run = CliRun.of("run", missing.toString());
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly("spate: error: Jar file not found: " + missing.toAbsolutePath());
    }

    @Test
    void verboseAddsTheStackTrace() {
        Path missing = dir.resolve("missing.jar");
        CliRun run = CliRun.of("--verbose", "run", missing.toString());
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.errLines().get(0))
                .isEqualTo("spate: error: Jar file not found: " + missing.toAbsolutePath());
        assertThat(run.err)
                .contains("io.spate.client.program.ProgramInvocationException")
                .contains("\tat io.spate.client.program.PackagedProgram.fromJar");
    }

    @Test
    void everythingAfterTheJarGoesToTheProgram() throws IOException {
        Path jar = jarNaming(EchoArgsProgram.class.getName());
        CliRun run =
                CliRun.of(
                        "run", "-p", "2", jar.toString(), "a", "--verbose", "-D", "x=y", "--help");
        assertThat(run.exitCode).as("%s", run).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly(
                        "spate: error: program io.spate.cli.EchoArgsProgram failed:"
                                + " java.lang.IllegalArgumentException: got [a, --verbose, -D,"
                                + " x=y, --help]");
    }

    @Test
    void theClassOptionWinsOverTheManifest() throws IOException {
        Path jar = jarNaming("com.acme.Gone");
        CliRun run = CliRun.of("run", "--class", EchoArgsProgram.class.getName(), jar.toString());
        assertThat(run.errLines())
                .containsExactly(
                        "spate: error: program io.spate.cli.EchoArgsProgram failed:"
                                + " java.lang.IllegalArgumentException: got []");
    }

    @Test
    void aMissingClassIsNamed() throws IOException {
        Path jar = jarNaming("com.acme.Gone");
        CliRun run = CliRun.of("run", jar.toString());
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly("spate: error: Class com.acme.Gone not found in " + jar);
    }

    @Test
    void aDemoWithoutEngineFailsInOneLine() {
        CliRun run = CliRun.of("demo", "--seconds", "1");
        assertThat(run.exitCode).as("%s", run).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly(
                        "50 orders at 50 per second; each line is a city's running total.",
                        "spate: error: demo failed: No engine for execution target 'embedded' is"
                                + " on the classpath; add the io.spate:spate-cluster dependency to"
                                + " run jobs");
    }

    private static void assertUsageError(CliRun run, String line) {
        assertThat(run.exitCode).as("%s", run).isEqualTo(2);
        assertThat(run.errLines()).as("%s", run).containsExactly(line);
        assertThat(run.out).isEmpty();
    }

    /** A jar with only a manifest; the class it names is found (or not) on the classpath. */
    private Path jarNaming(String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        Path jar = dir.resolve("program.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.flush();
        }
        return jar;
    }
}
