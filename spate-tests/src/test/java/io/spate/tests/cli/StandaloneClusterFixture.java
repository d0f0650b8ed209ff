package io.spate.tests.cli;

import io.spate.api.execution.ExecutionOptions;
import io.spate.common.config.Configuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standalone cluster of separate JVMs on loopback, as a person starts it: {@code spate
 * jobmanager} and {@code spate taskmanager}s, each a process of its own; and the configuration a
 * client needs to submit to it. {@link #close()} kills what is left.
 */
public final class StandaloneClusterFixture implements AutoCloseable {
    /** The longest a JVM may take to start and register on a slow, busy machine. */
    public static final Duration STEP = Duration.ofSeconds(60);

    private static final Pattern LISTENING =
            Pattern.compile(
                    "JobManager listening on (\\S+:\\d+) for TaskManagers; REST API on"
                            + " http://(\\S+:\\d+) .*");
    private static final Pattern REGISTERED =
            Pattern.compile("TaskManager (\\S+) registered with the JobManager at .*");

    private final Path dir;
    private final List<String> classPath;
    private final List<SpateProcess> processes = new ArrayList<>();
    private final SpateProcess jobManager;
    private final String rpcAddress;
    private final String restAddress;

    /**
     * Starts the JobManager.
     *
     * @param settings {@code key=value} options for the JobManager (e.g. heartbeats)
     */
    public StandaloneClusterFixture(Path dir, String... settings) {
        this(dir, SpateProcess.classPath(), settings);
    }

    /**
     * Starts the JobManager; every process of the cluster runs with {@code classPath} (e.g. without
     * the tests' classes, so that a job's classes can only come from its jar).
     */
    public StandaloneClusterFixture(Path dir, List<String> classPath, String... settings) {
        this.dir = dir;
        this.classPath = List.copyOf(classPath);
        List<String> args = new ArrayList<>(List.of("jobmanager", "--port", "0"));
        args.add("-D");
        args.add("rest.port=0");
        for (String s : settings) {
            args.add("-D");
            args.add(s);
        }
        this.jobManager = start(args.toArray(new String[0]));
        Matcher m = jobManager.awaitErrLine(LISTENING, STEP);
        this.rpcAddress = m.group(1);
        this.restAddress = m.group(2);
    }

    /** Starts a TaskManager with {@code slots} slots and waits until it has registered. */
    public SpateProcess startTaskManager(int slots) {
        SpateProcess tm =
                start("taskmanager", "--jobmanager", rpcAddress, "--slots", String.valueOf(slots));
        tm.awaitErrLine(REGISTERED, STEP);
        return tm;
    }

    public SpateProcess jobManager() {
        return jobManager;
    }

    public String restAddress() {
        return restAddress;
    }

    /** Options that make a client submit its jobs to this cluster. */
    public Configuration clientConfig() {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.TARGET, "remote");
        conf.set(ExecutionOptions.REMOTE_ADDRESS, restAddress);
        return conf;
    }

    private SpateProcess start(String... args) {
        SpateProcess p = SpateProcess.start(dir, classPath, args);
        processes.add(p);
        return p;
    }

    /** Kills every process (kill -9) and waits until they are gone. */
    @Override
    public void close() {
        processes.forEach(SpateProcess::close);
    }
}
