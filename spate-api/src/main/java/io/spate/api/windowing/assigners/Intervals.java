package io.spate.api.windowing.assigners;

import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The arithmetic that tumbling, sliding and session assigners share. */
final class Intervals {
    private Intervals() {}

    static long positiveMillis(Duration d, String what) {
        long ms = d.toMillis();
        if (ms <= 0) {
            throw new IllegalArgumentException(what + " must be positive, was " + d);
        }
        return ms;
    }

    static long offsetMillis(Duration offset, long bound, String what) {
        long ms = offset.toMillis();
        if (Math.abs(ms) >= bound) {
            throw new IllegalArgumentException(
                    "The offset must satisfy |offset| < "
                            + what
                            + " ("
                            + bound
                            + " ms), was "
                            + ms);
        }
        return ms;
    }

    static Collection<TimeWindow> tumbling(long timestamp, long size, long offset) {
        long start = TimeWindow.getWindowStartWithOffset(timestamp, offset, size);
        return List.of(new TimeWindow(start, start + size));
    }

    /** Every window of {@code size}, starting at multiples of {@code slide}, containing ts. */
    static Collection<TimeWindow> sliding(long timestamp, long size, long slide, long offset) {
        List<TimeWindow> windows = new ArrayList<>((int) ((size + slide - 1) / slide));
        long lastStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
        for (long start = lastStart; start > timestamp - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
    }

    static long requireTimestamp(long timestamp, Object assigner) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException(
                    "An element without a timestamp reached the event-time window assigner "
                            + assigner
                            + ". Give the stream event time with env.fromSource(source, "
                            + "WatermarkStrategy..., name) or assignTimestampsAndWatermarks(...), or "
                            + "use a processing-time assigner.");
        }
        return timestamp;
    }
}
