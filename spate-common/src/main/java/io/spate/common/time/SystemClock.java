package io.spate.common.time;

import io.spate.annotations.SuppressForbidden;

/** The machine's clock: the one place that reads {@link System#currentTimeMillis()}. */
@SuppressForbidden(reason = "the system clock owns wall-clock and monotonic time")
final class SystemClock implements Clock {
    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {}

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public String toString() {
        return "SystemClock";
    }
}
