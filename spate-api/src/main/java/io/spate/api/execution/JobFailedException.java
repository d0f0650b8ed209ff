package io.spate.api.execution;

import io.spate.annotations.Public;

/**
 * The unchecked form of a {@link JobExecutionException}, thrown where a checked exception cannot
 * be: by the iterator of {@code executeAndCollect()} when the job fails or is cancelled. The cause
 * is the {@link JobExecutionException}.
 */
@Public
public class JobFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JobFailedException(JobExecutionException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized JobExecutionException getCause() {
        return (JobExecutionException) super.getCause();
    }
}
