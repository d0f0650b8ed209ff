package io.spate.cluster.gateway;

import io.spate.common.JobId;

/** A gateway call named a job the JobManager does not know. */
public final class UnknownJobException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient JobId jobId;

    public UnknownJobException(JobId jobId) {
        super("No job with id " + jobId + " is known to this JobManager");
        this.jobId = jobId;
    }

    public JobId jobId() {
        return jobId;
    }
}
