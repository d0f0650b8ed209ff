package io.spate.tests.cli;

import static org.awaitility.Awaitility.await;

import io.spate.cli.SpateCli;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code spate} command line in a JVM of its own, as a person starts it from a shell: the test
 * classpath stands in for the distribution's {@code lib/}. Standard output and error go to files,
 * which the test reads while the process runs. Every wait is bounded; {@link #close()} kills the
 * process and whatever it started, whether or not it has ended.
 */
public final class SpateProcess implements AutoCloseable {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final String commandLine;
    private final Process process;
    private final Path out;
    private final Path err;

    private SpateProcess(String commandLine, Process process, Path out, Path err) {
        this.commandLine = commandLine;
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code spate args...}, with its output files in {@code dir}. */
    public static SpateProcess start(Path dir, String... args) {
        return start(dir, classPath(), args);
    }

    /** This JVM's class path, entry by entry. */
    public static List<String> classPath() {
        return List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
    }

    /** This JVM's class path without the tests' own classes. */
    public static List<String> classPathWithoutTestClasses() {
        return classPath().stream()
                .filter(e -> !Path.of(e).endsWith(Path.of("spate-tests", "target", "test-classes")))
                .toList();
    }

    /** Starts {@code spate args...} with {@code classPath}, its output files in {@code dir}. */
    public static SpateProcess start(Path dir, List<String> classPath, String... args) {
        int n = COUNT.incrementAndGet();
        Path out = dir.resolve("spate-" + n + ".out");
        Path err = dir.resolve("spate-" + n + ".err");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        // What the process prints is read back as UTF-8, whatever the machine's locale.
        command.add("-Dsun.stdout.encoding=UTF-8");
        command.add("-Dsun.stderr.encoding=UTF-8");
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classPath));
        command.add(SpateCli.class.getName());
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command)
                            .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile())
                            .start();
            return new SpateProcess("spate " + String.join(" ", args), process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start spate " + String.join(" ", args), e);
        }
    }

    /** Waits at most {@code timeout} for the process to end, and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(
                        "'" + commandLine + "' has not ended after " + timeout + "\n" + this);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted waiting for '" + commandLine + "'", e);
        }
        return process.exitValue();
    }

    /** The exit code of the ended process. */
    public int exitCode() {
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits at most {@code timeout} for a line of standard error that matches {@code pattern}, and
     * returns its match; fails early when the process ends without writing one.
     */
    public Matcher awaitErrLine(Pattern pattern, Duration timeout) {
        Matcher[] found = new Matcher[1];
        await("'" + pattern + "' on the standard error of '" + commandLine + "'")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> {
                            boolean ended = !process.isAlive();
                            for (String line : errLines()) {
                                Matcher m = pattern.matcher(line);
                                if (m.matches()) {
                                    found[0] = m;
                                    return true;
                                }
                            }
                            if (ended) {
                                throw new AssertionError(
                                        "'" + commandLine + "' ended without it\n" + this);
                            }
                            return false;
                        });
        return found[0];
    }

    public String out() {
        return read(out);
    }

    public String err() {
        return read(err);
    }

    public List<String> outLines() {
        return out().lines().toList();
    }

    public List<String> errLines() {
        return err().lines().toList();
    }

    /** Kills the process and its descendants, and waits (bounded) until they are gone. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        for (ProcessHandle p : all) {
            p.destroyForcibly();
        }
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Reported by the test that waits for it; nothing else to do here.
            }
        }
    }

    @Override
    public String toString() {
        return "$ "
                + commandLine
                + (process.isAlive() ? "  (running)" : "  (exit " + process.exitValue() + ")")
                + "\n--- out:\n"
                + out()
                + "--- err:\n"
                + err();
    }

    private static String read(Path file) {
        try {
            // Leniently: the process may be in the middle of writing a character.
            return Files.exists(file)
                    ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                    : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File nullFile() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
