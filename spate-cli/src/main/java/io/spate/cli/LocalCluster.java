package io.spate.cli;

import io.spate.common.time.Clock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standalone cluster on this machine: each role a {@code spate} process of its own in the
 * background, started with the same Java and class path as this one. Its directory holds {@code
 * log/<role>-<n>.log} (everything a process prints) and {@code run/<role>-<n>.pid} (its process
 * id), which is how {@code spate cluster stop}, a later command, finds the processes again.
 */
final class LocalCluster {
    static final String DIR_DESCRIPTION =
            "The cluster's directory, with log/ and run/ (default: the installation directory;"
                    + " SPATE_LOG_DIR moves log/).";

    private static final Pattern LISTENING =
            Pattern.compile(
                    "JobManager listening on (\\S+:\\d+)(?: for TaskManagers; REST API on"
                            + " http://(\\S+:\\d+))?");
    private static final Pattern REGISTERED =
            Pattern.compile("TaskManager \\S+ registered with the JobManager at ");
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int LOG_TAIL_LINES = 15;

    /** Clocks of file systems and processes may disagree by a little. */
    private static final Duration PID_FILE_SLACK = Duration.ofSeconds(2);

    private final Path logDir;
    private final Path runDir;

    private LocalCluster(Path logDir, Path runDir) {
        this.logDir = logDir;
        this.runDir = runDir;
    }

    /**
     * The cluster in {@code dir}, or, when null, in the installation directory (the parent of the
     * class path's {@code conf/}), with logs in {@code SPATE_LOG_DIR} if set.
     */
    static LocalCluster in(Path dir, Map<String, String> env) throws CommandFailedException {
        if (dir != null) {
            Path base = dir.toAbsolutePath().normalize();
            return new LocalCluster(base.resolve("log"), base.resolve("run"));
        }
        Optional<Path> conf = ConfigFile.installationConf(System.getProperty("java.class.path"));
        if (conf.isEmpty() || conf.get().getParent() == null) {
            throw new CommandFailedException(
                    "Cannot tell where the installation is (no conf/ directory on the class"
                            + " path); give the cluster's directory with --dir");
        }
        Path home = conf.get().getParent();
        String logs = env.get("SPATE_LOG_DIR");
        Path logDir = logs != null && !logs.isBlank() ? Path.of(logs) : home.resolve("log");
        return new LocalCluster(logDir.toAbsolutePath().normalize(), home.resolve("run"));
    }

    /**
     * Starts the JobManager, then {@code taskManagers} TaskManagers connected to it, and waits
     * until it listens and each has registered.
     *
     * @return the JobManager's {@code host:port}
     * @throws CommandFailedException when a cluster is already running here, or a process does not
     *     come up within {@code timeout}: then every process this call started is killed
     */
    String start(
            List<String> jobManagerArgs,
            List<String> taskManagerArgs,
            int taskManagers,
            Duration timeout,
            Clock clock,
            Consumer<String> info)
            throws CommandFailedException, IOException {
        List<Running> running = running();
        if (!running.isEmpty()) {
            throw new CommandFailedException(
                    "A cluster is already running in "
                            + runDir.getParent()
                            + " ("
                            + describe(running)
                            + "); stop it first with 'spate cluster stop'");
        }
        Files.createDirectories(logDir);
        Files.createDirectories(runDir);
        deleteStalePidFiles();
        long deadline = clock.nanoTime() + timeout.toNanos();
        List<Started> started = new ArrayList<>();
        try {
            Started jm = launch("jobmanager", 1, jobManagerArgs);
            started.add(jm);
            Matcher listening = jm.await(LISTENING, deadline, clock, info);
            String address = listening.group(1);
            info.accept("Started the JobManager (pid " + jm.process.pid() + ") on " + address);
            if (listening.group(2) != null) {
                info.accept(
                        "Its REST API is on "
                                + listening.group(2)
                                + ": spate run --jobmanager "
                                + listening.group(2)
                                + " <jar>, spate list --jobmanager "
                                + listening.group(2));
            }
            List<String> tmArgs = new ArrayList<>(List.of("--jobmanager", address));
            tmArgs.addAll(taskManagerArgs);
            List<Started> tms = new ArrayList<>();
            for (int n = 1; n <= taskManagers; n++) {
                Started tm = launch("taskmanager", n, tmArgs);
                started.add(tm);
                tms.add(tm);
            }
            for (Started tm : tms) {
                tm.await(REGISTERED, deadline, clock, info);
                info.accept(
                        "Started "
                                + tm.name
                                + " (pid "
                                + tm.process.pid()
                                + "), registered with the JobManager");
            }
            info.accept("Logs are in " + logDir);
            return address;
        } catch (CommandFailedException | IOException | RuntimeException e) {
            for (Started s : started) {
                s.process.destroyForcibly();
                Files.deleteIfExists(s.pidFile);
            }
            throw e;
        }
    }

    /** Stops every running process of this cluster: SIGTERM, then a kill after {@code timeout}. */
    void stop(Duration timeout, Clock clock, Consumer<String> info) throws IOException {
        List<Running> running = running();
        if (running.isEmpty()) {
            info.accept("No Spate cluster is running in " + runDir.getParent());
            deleteStalePidFiles();
            return;
        }
        // TaskManagers first, so that they leave the JobManager in order.
        running.sort((a, b) -> Boolean.compare(a.isJobManager(), b.isJobManager()));
        for (Running r : running) {
            r.handle.destroy();
        }
        long deadline = clock.nanoTime() + timeout.toNanos();
        for (Running r : running) {
            boolean graceful = awaitEnd(r.handle, Math.max(0, deadline - clock.nanoTime()));
            if (!graceful) {
                r.handle.destroyForcibly();
                awaitEnd(r.handle, TimeUnit.SECONDS.toNanos(10));
            }
            Files.deleteIfExists(r.pidFile);
            info.accept(
                    "Stopped "
                            + r.name
                            + " (pid "
                            + r.handle.pid()
                            + (graceful
                                    ? ")"
                                    : ", killed: it did not end within " + timeout + ")"));
        }
        deleteStalePidFiles();
    }

    private static boolean awaitEnd(ProcessHandle handle, long nanos) {
        try {
            handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private Started launch(String role, int n, List<String> args) throws IOException {
        String name = role + "-" + n;
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String javaOpts = System.getenv("SPATE_JAVA_OPTS");
        if (javaOpts != null && !javaOpts.isBlank()) {
            command.addAll(List.of(javaOpts.strip().split("\\s+")));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SpateCli.class.getName());
        command.add(role);
        command.addAll(args);
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                        .start();
        process.getOutputStream().close(); // nothing to read on standard input
        Path pidFile = runDir.resolve(name + ".pid");
        Files.writeString(pidFile, process.pid() + "\n", StandardCharsets.UTF_8);
        return new Started(name, process, log, pidFile);
    }

    /** The processes of the PID files that are still alive and are Spate processes. */
    private List<Running> running() throws IOException {
        List<Running> running = new ArrayList<>();
        if (!Files.isDirectory(runDir)) {
            return running;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.pid")) {
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                pid(file)
                        .flatMap(ProcessHandle::of)
                        .filter(ProcessHandle::isAlive)
                        .filter(h -> isSpate(h, file))
                        .ifPresent(h -> running.add(new Running(name, h, file)));
            }
        }
        running.sort((a, b) -> a.name.compareTo(b.name));
        return running;
    }

    /**
     * Whether the live process {@code handle} is the one the PID file was written for. A process id
     * may be reused by another program after a crash: that one started after the file was written,
     * or is not a Java process running the command line. (The system may cut a long command line
     * short, so a Java process whose arguments are unknown counts.)
     */
    private static boolean isSpate(ProcessHandle handle, Path pidFile) {
        ProcessHandle.Info info = handle.info();
        try {
            FileTime written = Files.getLastModifiedTime(pidFile);
            Optional<Instant> started = info.startInstant();
            if (started.isPresent()
                    && started.get().isAfter(written.toInstant().plus(PID_FILE_SLACK))) {
                return false;
            }
        } catch (IOException e) {
            return false; // the file is gone: nothing to stop through it
        }
        Optional<String> commandLine = info.commandLine();
        if (commandLine.isPresent() && commandLine.get().contains(SpateCli.class.getName())) {
            return true;
        }
        return info.command()
                .map(c -> Path.of(c).getFileName().toString().startsWith("java"))
                .orElse(true);
    }

    private void deleteStalePidFiles() throws IOException {
        if (!Files.isDirectory(runDir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.pid")) {
            for (Path file : files) {
                boolean alive =
                        pid(file)
                                .flatMap(ProcessHandle::of)
                                .map(ProcessHandle::isAlive)
                                .orElse(false);
                if (!alive) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static Optional<Long> pid(Path file) {
        try {
            return Optional.of(
                    Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String describe(List<Running> running) {
        List<String> parts = new ArrayList<>();
        for (Running r : running) {
            parts.add(r.name + " pid " + r.handle.pid());
        }
        return String.join(", ", parts);
    }

    /** A process of this cluster found through its PID file. */
    private static final class Running {
        final String name;
        final ProcessHandle handle;
        final Path pidFile;

        Running(String name, ProcessHandle handle, Path pidFile) {
            this.name = name;
            this.handle = handle;
            this.pidFile = pidFile;
        }

        boolean isJobManager() {
            return name.startsWith("jobmanager");
        }
    }

    /** A process this command started, with its log. */
    private static final class Started {
        final String name;
        final Process process;
        final Path log;
        final Path pidFile;

        Started(String name, Process process, Path log, Path pidFile) {
            this.name = name;
            this.process = process;
            this.log = log;
            this.pidFile = pidFile;
        }

        /** Waits until a line of the log matches, the process ends, or the deadline passes. */
        Matcher await(Pattern pattern, long deadline, Clock clock, Consumer<String> info)
                throws CommandFailedException {
            while (true) {
                for (String line : lines()) {
                    Matcher m = pattern.matcher(line);
                    if (m.find()) {
                        return m;
                    }
                }
                if (!process.isAlive()) {
                    throw failed("ended with exit code " + process.exitValue(), info);
                }
                if (clock.nanoTime() - deadline >= 0) {
                    throw failed("did not come up in time", info);
                }
                try {
                    // Returns early when the process ends.
                    process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failed("was interrupted while waiting", info);
                }
            }
        }

        /** Shows the end of the log, then returns the error that points at it. */
        private CommandFailedException failed(String what, Consumer<String> info) {
            List<String> lines = lines();
            List<String> tail =
                    lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            info.accept("The last lines of " + log + ":");
            info.accept(tail.isEmpty() ? "  (empty)" : "  " + String.join("\n  ", tail));
            return new CommandFailedException(
                    "The " + name + " (pid " + process.pid() + ") " + what + "; its log is " + log);
        }

        private List<String> lines() {
            try {
                return Files.readAllLines(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                // Not UTF-8 after all, or gone: what there is to show is lost, not the error.
                return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
            }
        }
    }
}
