package io.spate.cli;

import io.spate.client.rest.JobSummary;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code spate list}: the jobs of a running JobManager. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = SpateCli.Version.class,
        description = {
            "Lists the jobs of a JobManager: id, status, start time (UTC) and name.",
            "'spate run' starts the JobManager and prints the address of its REST API."
        })
final class ListCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Mixin private JobManagerOptions jobManager;

    @Override
    public Integer call() throws Exception {
        JobManagerConnection connection = jobManager.connect();
        List<JobSummary> jobs = connection.listJobs();
        PrintWriter out = spec.commandLine().getOut();
        if (jobs.isEmpty()) {
            out.println("No jobs at " + connection.where() + ".");
            return 0;
        }
        String format = "%-32s  %-10s  %-20s  %s%n";
        out.printf(Locale.ROOT, format, "JOB ID", "STATUS", "STARTED", "NAME");
        for (JobSummary job : jobs) {
            out.printf(Locale.ROOT, format, job.id(), job.status(), started(job), job.name());
        }
        out.flush();
        return 0;
    }

    /** The start time to the second, which keeps the column as wide as its heading says. */
    private static String started(JobSummary job) {
        if (job.startTime() == null) {
            return "-";
        }
        return Instant.ofEpochMilli(job.startTimeMillis())
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }
}
