package io.spate.cli;

import io.spate.client.rest.JobDetails;
import io.spate.common.JobId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spate cancel}: stops a running job without a savepoint. */
@Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        versionProvider = SpateCli.Version.class,
        description = {
            "Cancels a job: its subtasks stop at once, and no savepoint is taken (see 'spate stop'"
                    + " for that). Returns once the JobManager has accepted."
        })
final class CancelCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Mixin private JobManagerOptions jobManager;

    @Parameters(
            index = "0",
            paramLabel = "<jobId>",
            converter = JobManagerOptions.JobIdConverter.class,
            description = "The job, by the id 'spate run' and 'spate list' print.")
    private JobId jobId;

    @Override
    public Integer call() throws Exception {
        JobManagerConnection connection = jobManager.connect();
        JobDetails job = connection.job(jobId);
        connection.cancel(jobId);
        spec.commandLine().getOut().println("Cancelling job '" + job.name() + "' (" + jobId + ").");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
