package io.spate.api.windowing.evictors;

import io.spate.annotations.Public;
import io.spate.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Iterator;

/**
 * Keeps the elements of the last {@code windowSize} of event time: those whose timestamp is more
 * than {@code windowSize} before the window's newest element are dropped, before the window
 * function runs (or after it, with {@code doEvictAfter}). Elements without timestamps are kept.
 *
 * @param <W> the type of the windows
 */
@Public
public final class TimeEvictor<W extends Window> implements Evictor<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long windowSize;
    private final boolean doEvictAfter;

    private TimeEvictor(long windowSize, boolean doEvictAfter) {
        if (windowSize < 0) {
            throw new IllegalArgumentException("The size must not be negative, was " + windowSize);
        }
        this.windowSize = windowSize;
        this.doEvictAfter = doEvictAfter;
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
        return new TimeEvictor<>(windowSize.toMillis(), false);
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
        return new TimeEvictor<>(windowSize.toMillis(), doEvictAfter);
    }

    @Override
    public void evictBefore(
            Iterable<TimestampedValue<Object>> elements,
            int size,
            W window,
            EvictorContext context) {
        if (!doEvictAfter) {
            evict(elements);
        }
    }

    @Override
    public void evictAfter(
            Iterable<TimestampedValue<Object>> elements,
            int size,
            W window,
            EvictorContext context) {
        if (doEvictAfter) {
            evict(elements);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements) {
        long newest = Long.MIN_VALUE;
        for (TimestampedValue<Object> e : elements) {
            if (e.hasTimestamp()) {
                newest = Math.max(newest, e.timestamp());
            }
        }
        if (newest == Long.MIN_VALUE) {
            return;
        }
        long cutoff = newest - windowSize;
        for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
            TimestampedValue<Object> e = it.next();
            if (e.hasTimestamp() && e.timestamp() <= cutoff) {
                it.remove();
            }
        }
    }

    public long getWindowSize() {
        return windowSize;
    }

    @Override
    public String toString() {
        return "TimeEvictor(" + windowSize + (doEvictAfter ? ", after" : "") + ")";
    }
}
