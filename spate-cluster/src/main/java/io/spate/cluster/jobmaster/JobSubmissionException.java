package io.spate.cluster.jobmaster;

/**
 * A job submission the JobManager refuses because of what it was sent: a job graph it cannot read,
 * or a jar it does not have. The message says what and how to fix it.
 */
public final class JobSubmissionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JobSubmissionException(String message) {
        super(message);
    }

    public JobSubmissionException(String message, Throwable cause) {
        super(message, cause);
    }
}
