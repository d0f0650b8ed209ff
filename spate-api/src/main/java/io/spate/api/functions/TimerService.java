package io.spate.api.functions;

import io.spate.annotations.Public;

/**
 * Time, and timers, as a function sees them. Timers exist per key (and per window, inside window
 * functions): registering the same time twice for a key gives one timer; a timer fires once,
 * calling the function's {@code onTimer} with that key current.
 *
 * <p>An event-time timer fires when the watermark reaches its time; a processing-time timer when
 * the engine's clock does. At the end of a bounded input the watermark jumps to the end of time, so
 * every event-time timer fires. Timers are only available on keyed streams.
 */
@Public
public interface TimerService {

    /** The current processing time (the engine's clock), in milliseconds since the epoch. */
    long currentProcessingTime();

    /** The current event time: the watermark of this operator. */
    long currentWatermark();

    void registerProcessingTimeTimer(long time);

    void registerEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);
}
