package io.spate.api.execution;

import io.spate.annotations.Public;
import io.spate.common.JobId;

/**
 * A job did not finish: it failed (the cause says where and why) or was cancelled. The cause of a
 * failure names the operator and subtask in its message, and its own cause is the exception the
 * user's code threw.
 */
@Public
public class JobExecutionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final JobId jobId;
    private final String jobName;
    private final JobStatus status;

    public JobExecutionException(JobId jobId, JobStatus status, String message, Throwable cause) {
        this(jobId, null, status, message, cause);
    }

    public JobExecutionException(
            JobId jobId, String jobName, JobStatus status, String message, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
        this.jobName = jobName;
        this.status = status;
    }

    /** The job's name, or {@code null} when unknown. */
    public String getJobName() {
        return jobName;
    }

    public JobId getJobId() {
        return jobId;
    }

    /** FAILED or CANCELED. */
    public JobStatus getStatus() {
        return status;
    }
}
