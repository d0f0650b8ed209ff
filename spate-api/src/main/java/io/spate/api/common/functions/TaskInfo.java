package io.spate.api.common.functions;

import io.spate.annotations.Public;

/** Which parallel instance of an operator this is. */
@Public
public interface TaskInfo {
    String getTaskName();

    /** From 0 to {@link #getNumberOfParallelSubtasks()} - 1. */
    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    int getMaxNumberOfParallelSubtasks();

    /** 0 for the first run; grows with every restart after a failure. */
    int getAttemptNumber();
}
