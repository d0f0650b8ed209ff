package io.spate.cli;

import io.spate.common.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code spate cluster stop}: stops what {@code spate cluster start} started. */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        versionProvider = SpateCli.Version.class,
        description = {
            "Stops the processes 'spate cluster start' started (SIGTERM, then a kill after"
                    + " --timeout) and removes their process id files."
        })
final class ClusterStopCommand implements Callable<Integer> {
    @ParentCommand private ClusterCommand parent;

    @Option(names = "--dir", paramLabel = "<dir>", description = LocalCluster.DIR_DESCRIPTION)
    private Path dir;

    @Option(
            names = "--timeout",
            paramLabel = "<seconds>",
            defaultValue = "30",
            description = "How long to wait for the processes to end before killing them.")
    private int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        LocalCluster.in(dir, System.getenv())
                .stop(
                        Duration.ofSeconds(Math.max(1, timeoutSeconds)),
                        Clock.system(),
                        parent.cli::info);
        return 0;
    }
}
