package io.spate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code spate cluster start|stop}: a standalone cluster on this machine, one JobManager and some
 * TaskManagers as background processes (see {@link LocalCluster}).
 */
@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        versionProvider = SpateCli.Version.class,
        description = {
            "Starts or stops a standalone cluster on this machine: one JobManager and some"
                    + " TaskManagers in processes of their own, with their logs in log/ and"
                    + " their process ids in run/."
        },
        subcommands = {ClusterStartCommand.class, ClusterStopCommand.class})
final class ClusterCommand {
    @ParentCommand SpateCli cli;
}
