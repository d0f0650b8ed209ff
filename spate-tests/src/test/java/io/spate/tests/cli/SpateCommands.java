package io.spate.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code spate} commands a test runs as processes of their own, with their output files in one
 * directory; {@link #close()} kills whatever still runs.
 */
final class SpateCommands implements AutoCloseable {
    private final Path dir;
    private final Duration step;
    private final List<SpateProcess> processes = new ArrayList<>();

    /**
     * @param step the longest one command may take
     */
    SpateCommands(Path dir, Duration step) {
        this.dir = dir;
        this.step = step;
    }

    /** Starts {@code spate args...} and returns at once. */
    SpateProcess start(String... args) {
        SpateProcess p = SpateProcess.start(dir, args);
        processes.add(p);
        return p;
    }

    /** Runs {@code spate args...} to its end. */
    SpateProcess command(String... args) {
        SpateProcess p = start(args);
        p.awaitExit(step);
        return p;
    }

    /** The lines a command printed as errors ({@code spate: error: ...}). */
    static List<String> errorLines(SpateProcess p) {
        return p.errLines().stream().filter(l -> l.startsWith("spate: error:")).toList();
    }

    /** The path a command printed on its one line of standard output after {@code prefix}. */
    static Path reportedPath(SpateProcess p, String prefix) {
        assertThat(p.outLines()).as("%s", p).singleElement().asString().startsWith(prefix);
        return Path.of(p.outLines().get(0).substring(prefix.length()));
    }

    /** Kills every process started and waits (bounded) until they are gone. */
    @Override
    public void close() {
        processes.forEach(SpateProcess::close);
    }
}
