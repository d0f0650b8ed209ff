package io.spate.runtime.execution;

import io.spate.annotations.Internal;

/** What one call of a {@link Tasklet} achieved. */
@Internal
public enum ProgressState {
    /** Nothing could be done (no input, or output full): the worker may back off. */
    NO_PROGRESS,
    /** Something was done: call again soon. */
    MADE_PROGRESS,
    /** The tasklet has finished its work; it is not called again. */
    DONE;

    public static ProgressState of(boolean madeProgress) {
        return madeProgress ? MADE_PROGRESS : NO_PROGRESS;
    }
}
