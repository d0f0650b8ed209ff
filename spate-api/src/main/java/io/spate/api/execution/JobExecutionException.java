package io.spate.api.execution;

import io.spate.annotations.Public;
import io.spate.common.JobId;

/**
 * A job did not finish: it failed (the cause says where and why) or was cancelled. The cause of a
 * failure names the operator and subtask in its message, and its own cause is the exception the
 * user's code threw. A job stopped with a savepoint ends cancelled, and {@link
 * #getStopSavepointPath()} says where its savepoint is.
 */
@Public
public class JobExecutionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final JobId jobId;
    private final String jobName;
    private final JobStatus status;
    private final String stopSavepointPath;

    public JobExecutionException(JobId jobId, JobStatus status, String message, Throwable cause) {
        this(jobId, null, status, message, cause);
    }

    public JobExecutionException(
            JobId jobId, String jobName, JobStatus status, String message, Throwable cause) {
        this(jobId, jobName, status, null, message, cause);
    }

    /**
     * @param stopSavepointPath for a job stopped with a savepoint (status CANCELED), the
     *     savepoint's directory; otherwise null
     */
    public JobExecutionException(
            JobId jobId,
            String jobName,
            JobStatus status,
            String stopSavepointPath,
            String message,
            Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
        this.jobName = jobName;
        this.status = status;
        this.stopSavepointPath = stopSavepointPath;
    }

    /**
     * The directory of the savepoint the job was stopped with ({@link JobClient#stopWithSavepoint},
     * {@code spate stop}), or {@code null} when it was not stopped that way.
     */
    public String getStopSavepointPath() {
        return stopSavepointPath;
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
