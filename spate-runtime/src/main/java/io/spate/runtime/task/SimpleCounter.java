package io.spate.runtime.task;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Counter;

/**
 * A counter written by one thread. Other threads may read it for progress reports; such reads can
 * be slightly stale, which is all a progress report needs. Final values are read after the writer
 * finished, through the happens-before edge of the task's completion.
 */
@Internal
public final class SimpleCounter implements Counter {
    private long count;

    @Override
    public void inc() {
        count++;
    }

    @Override
    public void inc(long n) {
        count += n;
    }

    @Override
    public long getCount() {
        return count;
    }
}
