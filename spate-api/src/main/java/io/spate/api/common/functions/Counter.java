package io.spate.api.common.functions;

import io.spate.annotations.Public;

/**
 * A named count that a function increments. The counts of all subtasks are added up into the job's
 * result ({@code JobExecutionResult#getCounters()}). Used by one thread only (the subtask's).
 */
@Public
public interface Counter {
    void inc();

    void inc(long n);

    long getCount();
}
