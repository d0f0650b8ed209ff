package io.spate.api.windowing.evictors;

import io.spate.annotations.Public;
import io.spate.api.windowing.windows.Window;
import java.util.Iterator;

/**
 * Keeps at most the last {@code maxCount} elements of a window, dropping the oldest ones, before
 * the window function runs (or after it, when built with {@code doEvictAfter}).
 *
 * @param <W> the type of the windows
 */
@Public
public final class CountEvictor<W extends Window> implements Evictor<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long maxCount;
    private final boolean doEvictAfter;

    private CountEvictor(long maxCount, boolean doEvictAfter) {
        if (maxCount <= 0) {
            throw new IllegalArgumentException("The count must be positive, was " + maxCount);
        }
        this.maxCount = maxCount;
        this.doEvictAfter = doEvictAfter;
    }

    public static <W extends Window> CountEvictor<W> of(long maxCount) {
        return new CountEvictor<>(maxCount, false);
    }

    public static <W extends Window> CountEvictor<W> of(long maxCount, boolean doEvictAfter) {
        return new CountEvictor<>(maxCount, doEvictAfter);
    }

    @Override
    public void evictBefore(
            Iterable<TimestampedValue<Object>> elements,
            int size,
            W window,
            EvictorContext context) {
        if (!doEvictAfter) {
            evict(elements, size);
        }
    }

    @Override
    public void evictAfter(
            Iterable<TimestampedValue<Object>> elements,
            int size,
            W window,
            EvictorContext context) {
        if (doEvictAfter) {
            evict(elements, size);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements, int size) {
        long toEvict = size - maxCount;
        for (Iterator<TimestampedValue<Object>> it = elements.iterator();
                toEvict > 0 && it.hasNext();
                toEvict--) {
            it.next();
            it.remove();
        }
    }

    @Override
    public String toString() {
        return "CountEvictor(" + maxCount + (doEvictAfter ? ", after" : "") + ")";
    }
}
