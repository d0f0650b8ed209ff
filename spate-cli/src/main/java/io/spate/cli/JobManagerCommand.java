package io.spate.cli;

import io.spate.common.config.Configuration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code spate jobmanager}: runs the JobManager of a standalone cluster in this process. */
@Command(
        name = "jobmanager",
        mixinStandardHelpOptions = true,
        versionProvider = SpateCli.Version.class,
        description = {
            "Runs the JobManager of a standalone cluster until it is stopped (Ctrl-C, SIGTERM):"
                    + " TaskManagers register with it ('spate taskmanager') and exchange"
                    + " heartbeats. Prints the address it listens on."
        })
final class JobManagerCommand implements Callable<Integer> {
    @ParentCommand private SpateCli cli;

    @Option(
            names = "--address",
            paramLabel = "<host>",
            description = "The address to listen on (default: 127.0.0.1, this machine only).")
    private String address;

    @Option(
            names = "--port",
            paramLabel = "<port>",
            description = "The port to listen on (default: 6123; 0 for any free port).")
    private Integer port;

    @Option(
            names = "-D",
            paramLabel = "<key=value>",
            description = {
                "A configuration setting; repeatable.",
                "Example: -D heartbeat.timeout=30s"
            })
    private Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        Configuration conf = new Configuration();
        if (address != null) {
            conf.setRaw("jobmanager.rpc.address", address);
        }
        if (port != null) {
            conf.setRaw("jobmanager.rpc.port", String.valueOf(port));
        }
        return ClusterRole.run(
                "jobmanager",
                ClusterRole.configuration(cli.fileConfiguration(), settings, conf),
                cli);
    }
}
