package io.spate.api.execution;

import io.spate.annotations.Public;

/**
 * One failure of a job: when, in which run (attempt 0 is the first), where, and why.
 *
 * @param timestampMillis when the failure was reported, by the JobManager's clock
 * @param attempt the run that failed
 * @param task the subtask that failed first, e.g. {@code "Map -> Filter (2/4)"}
 * @param cause the failure in one line
 * @param restarted whether the job restarted after it
 * @param restoredFrom the checkpoint or savepoint directory the restart restored from, or null (no
 *     restart, or a restart from the beginning)
 * @param redeployedMillis when the next run was deployed (JobManager clock), or -1
 */
@Public
public record JobFailure(
        long timestampMillis,
        int attempt,
        String task,
        String cause,
        boolean restarted,
        String restoredFrom,
        long redeployedMillis) {

    /** The same failure, noting when and from where the job was deployed again. */
    public JobFailure withRestart(String directory, long redeployedAt) {
        return new JobFailure(
                timestampMillis, attempt, task, cause, restarted, directory, redeployedAt);
    }
}
