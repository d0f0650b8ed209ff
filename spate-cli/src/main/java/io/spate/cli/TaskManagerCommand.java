package io.spate.cli;

import io.spate.common.config.Configuration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spate taskmanager}: runs a TaskManager of a standalone cluster in this process. */
@Command(
        name = "taskmanager",
        mixinStandardHelpOptions = true,
        versionProvider = SpateCli.Version.class,
        description = {
            "Runs a TaskManager until it is stopped (Ctrl-C, SIGTERM): it registers its slots with"
                    + " the JobManager, exchanges heartbeats, and registers again when it loses"
                    + " the JobManager."
        })
final class TaskManagerCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @ParentCommand private SpateCli cli;

    @Option(
            names = "--jobmanager",
            required = true,
            paramLabel = "<host:port>",
            description = "Where the JobManager listens, as 'spate jobmanager' printed it.")
    private String jobManager;

    @Option(
            names = "--slots",
            paramLabel = "<n>",
            description = "Task slots this TaskManager offers (default: 1).")
    private Integer slots;

    @Option(
            names = "-D",
            paramLabel = "<key=value>",
            description = {
                "A configuration setting; repeatable.",
                "Example: -D taskmanager.reconnect.max-backoff=30s"
            })
    private Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        int colon = jobManager.lastIndexOf(':');
        int port = -1;
        if (colon > 0) {
            try {
                port = Integer.parseInt(jobManager.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (port < 1 || port > 65535) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--jobmanager must be host:port with a port from 1 to 65535, was '"
                            + jobManager
                            + "'");
        }
        if (slots != null && slots < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--slots must be at least 1, was " + slots);
        }
        Configuration conf = new Configuration();
        conf.setRaw("jobmanager.rpc.address", jobManager.substring(0, colon));
        conf.setRaw("jobmanager.rpc.port", String.valueOf(port));
        if (slots != null) {
            conf.setRaw("taskmanager.numberOfTaskSlots", String.valueOf(slots));
        }
        return ClusterRole.run(
                "taskmanager",
                ClusterRole.configuration(cli.fileConfiguration(), settings, conf),
                cli);
    }
}
