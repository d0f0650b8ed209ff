package io.spate.api.execution;

import io.spate.annotations.Public;

/**
 * Where a job is in its life. The legal transitions:
 *
 * <pre>
 *   CREATED ──► RUNNING ──► FINISHED
 *      │           │ ▲
 *      │           │ └──────── RESTARTING ◄──┐
 *      │           ├──► FAILING ─────────────┴──► FAILED
 *      └───────────┴──► CANCELLING ──► CANCELED
 * </pre>
 *
 * A failing job restarts (RESTARTING, then RUNNING again) while its restart strategy allows, and
 * fails for good otherwise. FINISHED, FAILED and CANCELED are terminal.
 */
@Public
public enum JobStatus {
    CREATED,
    RUNNING,
    FAILING,
    RESTARTING,
    CANCELLING,
    FINISHED,
    FAILED,
    CANCELED;

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }

    /** Whether a job may move from this status to {@code next}. */
    public boolean canTransitionTo(JobStatus next) {
        switch (this) {
            case CREATED:
                return next == RUNNING || next == CANCELLING || next == FAILING || next == FAILED;
            case RUNNING:
                return next == FINISHED || next == FAILING || next == CANCELLING;
            case FAILING:
                return next == RESTARTING || next == FAILED;
            case RESTARTING:
                return next == RUNNING || next == CANCELLING || next == FAILED;
            case CANCELLING:
                return next == CANCELED;
            default:
                return false;
        }
    }
}
