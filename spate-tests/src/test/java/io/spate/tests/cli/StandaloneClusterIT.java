package io.spate.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's first control-plane increment as a person runs it from a shell: {@code spate
 * jobmanager} and two {@code spate taskmanager}s, each a JVM of its own, register over loopback;
 * one TaskManager killed with {@code kill -9} is reported lost by the JobManager within {@code
 * heartbeat.timeout}, and its slots are freed.
 */
class StandaloneClusterIT {
    /** The longest a JVM may take to start and register on a slow, busy machine. */
    private static final Duration STEP = Duration.ofSeconds(60);

    private static final Pattern LISTENING =
            Pattern.compile("JobManager listening on (127\\.0\\.0\\.1:\\d+) for TaskManagers; .*");
    private static final Pattern REGISTERED =
            Pattern.compile("TaskManager (\\S+) registered with the JobManager at .*");

    @TempDir Path dir;

    private final List<SpateProcess> processes = new ArrayList<>();

    @AfterEach
    void killProcesses() {
        processes.forEach(SpateProcess::close);
    }

    @Test
    void taskManagersRegisterAndAKilledOneIsReportedLost() {
        SpateProcess jm =
                start(
                        "jobmanager",
                        "--port",
                        "0",
                        "-D",
                        "rest.port=0",
                        "-D",
                        "heartbeat.interval=200ms",
                        "-D",
                        "heartbeat.timeout=2s");
        String address = jm.awaitErrLine(LISTENING, STEP).group(1);

        // One after the other, so that the JobManager's totals in its lines are known.
        SpateProcess tm1 = start("taskmanager", "--jobmanager", address, "--slots", "2");
        String id1 = tm1.awaitErrLine(REGISTERED, STEP).group(1);
        jm.awaitErrLine(
                Pattern.compile("TaskManager " + id1 + " registered from .* with 2 slot\\(s\\).*"),
                STEP);
        SpateProcess tm2 = start("taskmanager", "--jobmanager", address, "--slots", "3");
        String id2 = tm2.awaitErrLine(REGISTERED, STEP).group(1);
        jm.awaitErrLine(
                Pattern.compile(
                        "TaskManager "
                                + id2
                                + " registered from .* with 3 slot\\(s\\).*; 5 slot\\(s\\) on 2"
                                + " TaskManager\\(s\\)"),
                STEP);

        tm1.close(); // destroyForcibly: kill -9, no goodbye
        Matcher lost =
                jm.awaitErrLine(
                        Pattern.compile(
                                "TaskManager "
                                        + id1
                                        + " at .* lost: (.*); freed its 2 slot\\(s\\), 3 slot\\(s\\)"
                                        + " on 1 TaskManager\\(s\\) remain"),
                        Duration.ofSeconds(2 * 3));
        assertThat(lost.group(1)).isNotBlank();
        assertThat(jm.isAlive()).isTrue();
        assertThat(tm2.isAlive()).isTrue();
        assertThat(tm2.err()).doesNotContain("lost the JobManager");
    }

    @Test
    void aTaskManagerWithNothingListeningFailsWithOneLine() {
        SpateProcess tm = start("taskmanager", "--jobmanager", "127.0.0.1:1");
        assertThat(tm.awaitExit(STEP)).isEqualTo(1);
        assertThat(tm.errLines())
                .contains(
                        "spate: error: cannot connect to 127.0.0.1:1: nothing listens there"
                                + " (connection refused)");
    }

    private SpateProcess start(String... args) {
        SpateProcess p = SpateProcess.start(dir, args);
        processes.add(p);
        return p;
    }
}
