package io.spate.api.windowing.windows;

import io.spate.annotations.Public;
import io.spate.api.windowing.assigners.MergingWindowAssigner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The time interval {@code [start, end)}: {@code start} included, {@code end} excluded, so {@link
 * #maxTimestamp()} is {@code end - 1}.
 *
 * @param start the first timestamp of the window
 * @param end the first timestamp after the window
 */
@Public
public record TimeWindow(long start, long end) implements Window {

    /** Checks {@code start < end}. */
    public TimeWindow {
        if (end <= start) {
            throw new IllegalArgumentException(
                    "A time window needs start < end, was [" + start + ", " + end + ")");
        }
    }

    /** The first timestamp of the window (included). */
    public long getStart() {
        return start;
    }

    /** The first timestamp after the window (excluded). */
    public long getEnd() {
        return end;
    }

    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    /**
     * Whether the two windows overlap or touch: {@code [0, 5)} and {@code [5, 10)} intersect. This
     * is what makes two session windows one.
     */
    public boolean intersects(TimeWindow other) {
        return start <= other.end && end >= other.start;
    }

    /** The smallest window containing both. */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /**
     * The start of the window of {@code size} (aligned to {@code offset}) that contains {@code
     * timestamp}: the largest {@code start <= timestamp} with {@code start ≡ offset (mod size)}.
     * Exact for negative timestamps and offsets, as long as the start is a {@code long} (it is not
     * within {@code size} of {@code Long.MIN_VALUE}).
     */
    public static long getWindowStartWithOffset(long timestamp, long offset, long size) {
        // floorMod of each term separately keeps the difference within (-size, size): no overflow.
        long remainder =
                Math.floorMod(Math.floorMod(timestamp, size) - Math.floorMod(offset, size), size);
        return timestamp - remainder;
    }

    /**
     * Merges intersecting windows (see {@link #intersects}) into their cover, and reports every
     * group of more than one window to {@code callback}. Windows that intersect nothing are not
     * reported. For session window assigners.
     */
    public static void mergeWindows(
            Collection<TimeWindow> windows,
            MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingLong(TimeWindow::getStart));
        TimeWindow cover = null;
        List<TimeWindow> group = new ArrayList<>();
        for (TimeWindow w : sorted) {
            if (cover != null && cover.intersects(w)) {
                cover = cover.cover(w);
                group.add(w);
                continue;
            }
            report(group, cover, callback);
            cover = w;
            group = new ArrayList<>();
            group.add(w);
        }
        report(group, cover, callback);
    }

    private static void report(
            List<TimeWindow> group,
            TimeWindow cover,
            MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        if (group.size() > 1) {
            callback.merge(group, cover);
        }
    }

    @Override
    public int hashCode() {
        // Windows of one key differ mostly in start; mix so that HashMap buckets spread.
        long h = start * 0x9E3779B97F4A7C15L + end;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public String toString() {
        return "TimeWindow[" + start + ", " + end + ")";
    }
}
