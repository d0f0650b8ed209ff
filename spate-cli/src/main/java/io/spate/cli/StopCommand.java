package io.spate.cli;

import io.spate.common.JobId;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spate stop}: a savepoint of a running job, then the job stops. */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        versionProvider = SpateCli.Version.class,
        description = {
            "Stops a running job with a savepoint: takes the savepoint, then stops the job, and"
                    + " prints the savepoint's path. Start the job again from it with 'spate run"
                    + " --from-savepoint <path>', at another parallelism if you like.",
        })
final class StopCommand implements Callable<Integer> {
    @ParentCommand private SpateCli cli;

    @Spec private CommandSpec spec;

    @Mixin private JobManagerOptions jobManager;

    @Mixin private SavepointOptions options;

    @Parameters(
            index = "0",
            paramLabel = "<jobId>",
            converter = JobManagerOptions.JobIdConverter.class,
            description = "The job, by the id 'spate run' and 'spate list' print.")
    private JobId jobId;

    @Option(
            names = {"-s", "--savepoint-path"},
            paramLabel = "<directory>",
            description =
                    "Where the savepoint goes (default: the job's state.savepoints.dir). The"
                            + " savepoint is a new directory in it.")
    private Path savepointPath;

    @Override
    public Integer call() throws Exception {
        JobManagerConnection connection = jobManager.connect();
        cli.info("Stopping job " + jobId + " with a savepoint...");
        String path =
                connection.savepoint(
                        jobId, SavepointOptions.absolute(savepointPath), true, options.timeout);
        spec.commandLine().getOut().println("Job " + jobId + " stopped with a savepoint: " + path);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
