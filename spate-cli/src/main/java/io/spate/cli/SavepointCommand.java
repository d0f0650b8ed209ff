package io.spate.cli;

import io.spate.common.JobId;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spate savepoint}: a savepoint of a running job, which goes on running. */
@Command(
        name = "savepoint",
        mixinStandardHelpOptions = true,
        versionProvider = SpateCli.Version.class,
        description = {
            "Takes a savepoint of a running job, which goes on running, waits for it and prints its"
                    + " path. Start a job from it with 'spate run --from-savepoint <path>'.",
        })
final class SavepointCommand implements Callable<Integer> {
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

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "<targetDirectory>",
            description =
                    "Where the savepoint goes (default: the job's state.savepoints.dir). The"
                            + " savepoint is a new directory in it.")
    private Path targetDirectory;

    @Override
    public Integer call() throws Exception {
        JobManagerConnection connection = jobManager.connect();
        cli.info("Taking a savepoint of job " + jobId + "...");
        String path =
                connection.savepoint(
                        jobId, SavepointOptions.absolute(targetDirectory), false, options.timeout);
        spec.commandLine().getOut().println("Savepoint completed: " + path);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
