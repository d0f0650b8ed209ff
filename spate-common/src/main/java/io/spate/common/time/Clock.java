package io.spate.common.time;

import io.spate.annotations.Public;

/**
 * The source of time for everything in Spate. Code reads time only through a {@code Clock} that it
 * is given, so that tests can drive time by hand ({@link ManualClock}) and never sleep.
 *
 * <p>Implementations are thread-safe.
 */
@Public
public interface Clock {

    /** Wall-clock time in milliseconds since the epoch; may jump when the system clock is set. */
    long millis();

    /** A monotonic reading in nanoseconds, meaningful only as a difference of two readings. */
    long nanoTime();

    /** The clock of the machine. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
