package io.spate.api.windowing.windows;

import io.spate.annotations.Public;

/**
 * A group of elements that a window function sees together: a time interval ({@link TimeWindow}),
 * or everything ({@link GlobalWindow}). A window is an immutable value: equal windows are one
 * window. The window operator uses windows as the namespace of window state and timers, so they are
 * written into checkpoints: implement windows as records (or give them a serializer).
 */
@Public
public interface Window {

    /**
     * The largest timestamp that belongs to this window. Results of the window carry it as their
     * timestamp, and an event-time window is complete once the watermark passes it.
     */
    long maxTimestamp();
}
