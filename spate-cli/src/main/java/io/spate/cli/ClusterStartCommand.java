package io.spate.cli;

import io.spate.common.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spate cluster start}: starts a JobManager and TaskManagers in the background. */
@Command(
        name = "start",
        mixinStandardHelpOptions = true,
        versionProvider = SpateCli.Version.class,
        description = {
            "Starts a JobManager and --taskmanagers TaskManagers in the background, waits until"
                    + " every TaskManager has registered, and prints the JobManager's host:port."
        })
final class ClusterStartCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @ParentCommand private ClusterCommand parent;

    @Option(
            names = "--taskmanagers",
            required = true,
            paramLabel = "<n>",
            description = "How many TaskManagers to start.")
    private int taskManagers;

    @Option(
            names = "--slots",
            paramLabel = "<n>",
            description = "Task slots each TaskManager offers (default: 1).")
    private Integer slots;

    @Option(
            names = "--address",
            paramLabel = "<host>",
            description = "The address the JobManager listens on (default: 127.0.0.1).")
    private String address;

    @Option(
            names = "--port",
            paramLabel = "<port>",
            description = "The port the JobManager listens on (default: 6123; 0 for any free one).")
    private Integer port;

    @Option(names = "--dir", paramLabel = "<dir>", description = LocalCluster.DIR_DESCRIPTION)
    private Path dir;

    @Option(
            names = "--timeout",
            paramLabel = "<seconds>",
            defaultValue = "60",
            description = "How long to wait for the processes to come up (default: 60).")
    private int timeoutSeconds;

    @Option(
            names = "-D",
            paramLabel = "<key=value>",
            description = "A configuration setting for every process; repeatable.")
    private Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (taskManagers < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--taskmanagers must be at least 1, was " + taskManagers);
        }
        if (slots != null && slots < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--slots must be at least 1, was " + slots);
        }
        if (timeoutSeconds < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--timeout must be at least 1, was " + timeoutSeconds);
        }
        SpateCli cli = parent.cli;
        // A bad configuration file is this command's error, not a process that fails to start.
        cli.fileConfiguration();
        List<String> common = new ArrayList<>();
        if (cli.configFile() != null) {
            common.add("--config");
            common.add(cli.configFile().toAbsolutePath().toString());
        }
        settings.forEach((k, v) -> common.add("-D" + k + "=" + v));
        List<String> jobManager = new ArrayList<>();
        if (address != null) {
            jobManager.addAll(List.of("--address", address));
        }
        if (port != null) {
            jobManager.addAll(List.of("--port", String.valueOf(port)));
        }
        jobManager.addAll(common);
        List<String> taskManager = new ArrayList<>();
        if (slots != null) {
            taskManager.addAll(List.of("--slots", String.valueOf(slots)));
        }
        taskManager.addAll(common);

        LocalCluster cluster = LocalCluster.in(dir, System.getenv());
        String jobManagerAddress =
                cluster.start(
                        jobManager,
                        taskManager,
                        taskManagers,
                        Duration.ofSeconds(timeoutSeconds),
                        Clock.system(),
                        cli::info);
        spec.commandLine().getOut().println(jobManagerAddress);
        return 0;
    }
}
