package io.spate.cli;

import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobListener;
import java.io.PrintStream;

/**
 * Tells the person at the terminal about each job {@code spate run} submits: its id, and where its
 * JobManager's REST API is, which {@code spate list}, {@code spate savepoint}, {@code spate stop}
 * and {@code spate cancel} need. Called on the thread that submits the job.
 */
final class JobAnnouncer implements JobListener {
    private final PrintStream out;

    JobAnnouncer(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onJobSubmitted(JobClient job) {
        out.println("Job '" + job.getJobName() + "' submitted with id " + job.getJobId());
        job.getRestAddress().ifPresent(address -> out.println("REST API on " + address));
        out.flush();
    }
}
