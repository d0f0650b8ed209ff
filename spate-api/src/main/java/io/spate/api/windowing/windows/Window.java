package io.spate.api.windowing.windows;

import io.spate.annotations.Public;

/**
 * A group of elements that a window function sees together: a time interval ({@link TimeWindow}),
 * or everything ({@link GlobalWindow}). A window is a value: equal windows are one window, so
 * implementations define {@code equals} and {@code hashCode}.
 *
 * <p>Windows are immutable; the window operator uses them as the namespace of window state and
 * timers.
 */
@Public
public abstract class Window {

    /**
     * The largest timestamp that belongs to this window. Results of the window carry it as their
     * timestamp, and an event-time window is complete once the watermark passes it.
     */
    public abstract long maxTimestamp();
}
