package io.spate.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spate cluster start} and {@code spate cluster stop} as a person runs them from a shell:
 * the start command leaves a JobManager and two TaskManagers running in the background, with their
 * logs and process id files in the cluster's directory; stop ends them all.
 */
class LocalClusterIT {
    /** The longest the processes may take to start and register on a slow, busy machine. */
    private static final Duration STEP = Duration.ofSeconds(90);

    @TempDir Path dir;

    private final List<SpateProcess> commands = new ArrayList<>();

    /** Whatever a failed test left running: the background processes outlive the command. */
    @AfterEach
    void killLeftovers() throws IOException {
        commands.forEach(SpateProcess::close);
        for (long pid : pids().values()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void startLeavesAClusterRunningAndStopEndsIt() throws IOException {
        SpateProcess start =
                run(
                        "cluster",
                        "start",
                        "--taskmanagers",
                        "2",
                        "--port",
                        "0",
                        "--dir",
                        cluster().toString(),
                        "-D",
                        "heartbeat.interval=500ms");
        assertThat(start.awaitExit(STEP)).as("%s", start).isZero();
        String address = start.out().strip();
        assertThat(address).as("%s", start).matches("127\\.0\\.0\\.1:\\d+");

        Map<String, Long> pids = pids();
        assertThat(pids.keySet()).containsExactly("jobmanager-1", "taskmanager-1", "taskmanager-2");
        for (long pid : pids.values()) {
            assertThat(ProcessHandle.of(pid))
                    .as("pid %d", pid)
                    .hasValueSatisfying(h -> assertThat(h.isAlive()).isTrue());
        }
        assertThat(log("jobmanager-1")).contains("JobManager listening on " + address);
        for (String tm : List.of("taskmanager-1", "taskmanager-2")) {
            assertThat(log(tm)).contains("registered with the JobManager at " + address);
        }
        await().atMost(STEP)
                .untilAsserted(
                        () ->
                                assertThat(log("jobmanager-1"))
                                        .containsPattern("slot\\(s\\) on 2 TaskManager\\(s\\)"));

        SpateProcess again =
                run("cluster", "start", "--taskmanagers", "1", "--dir", cluster().toString());
        assertThat(again.awaitExit(STEP)).as("%s", again).isEqualTo(1);
        assertThat(again.err())
                .contains("spate: error: A cluster is already running in " + cluster())
                .contains("jobmanager-1 pid " + pids.get("jobmanager-1"));

        SpateProcess stop = run("cluster", "stop", "--dir", cluster().toString());
        assertThat(stop.awaitExit(STEP)).as("%s", stop).isZero();
        for (Map.Entry<String, Long> p : pids.entrySet()) {
            assertThat(stop.err()).contains("Stopped " + p.getKey() + " (pid " + p.getValue());
        }
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                pids.values().stream()
                                        .noneMatch(
                                                pid ->
                                                        ProcessHandle.of(pid)
                                                                .map(ProcessHandle::isAlive)
                                                                .orElse(false)));
        assertThat(pids()).isEmpty();

        SpateProcess nothing = run("cluster", "stop", "--dir", cluster().toString());
        assertThat(nothing.awaitExit(STEP)).as("%s", nothing).isZero();
        assertThat(nothing.err()).contains("No Spate cluster is running in " + cluster());
    }

    @Test
    void aProcessThatDoesNotComeUpIsReportedWithItsLog() throws IOException {
        SpateProcess start =
                run(
                        "cluster",
                        "start",
                        "--taskmanagers",
                        "1",
                        "--port",
                        "0",
                        "--dir",
                        cluster().toString(),
                        "-D",
                        "heartbeat.timeout=soon");
        assertThat(start.awaitExit(STEP)).as("%s", start).isEqualTo(1);
        assertThat(start.err())
                .contains("The last lines of " + cluster().resolve("log/jobmanager-1.log"))
                .contains("'soon' is not a duration")
                .contains("spate: error: The jobmanager-1 (pid ")
                .contains("ended with exit code");
        assertThat(pids()).isEmpty();
    }

    private SpateProcess run(String... args) {
        SpateProcess p = SpateProcess.start(dir, args);
        commands.add(p);
        return p;
    }

    private Path cluster() {
        return dir.resolve("cluster");
    }

    private String log(String name) throws IOException {
        return Files.readString(
                cluster().resolve("log").resolve(name + ".log"), StandardCharsets.UTF_8);
    }

    private Map<String, Long> pids() throws IOException {
        Map<String, Long> pids = new TreeMap<>();
        Path run = cluster().resolve("run");
        if (!Files.isDirectory(run)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(run)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                String name = f.getFileName().toString().replace(".pid", "");
                pids.put(name, Long.parseLong(Files.readString(f, StandardCharsets.UTF_8).strip()));
            }
        }
        return pids;
    }
}
