package io.spate.api.windowing.evictors;

import io.spate.annotations.Public;
import io.spate.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Removes elements from a window when it fires: {@link #evictBefore} before the window function
 * runs, {@link #evictAfter} after it. Remove an element with the iterator's {@code remove()}; the
 * elements are in arrival order. A window with an evictor keeps all its elements (even for {@code
 * reduce} and {@code aggregate}, which then run over what remains at each firing).
 *
 * <p>Called by the window operator on the subtask's thread, for one (key, window) at a time.
 *
 * @param <T> the type of the elements
 * @param <W> the type of the windows
 */
@Public
public interface Evictor<T, W extends Window> extends Serializable {

    /**
     * Called before the window function.
     *
     * @param elements the window's elements, removable through their iterator
     * @param size the number of elements
     */
    void evictBefore(
            Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext context);

    /** Called after the window function. */
    void evictAfter(
            Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext context);

    /** What an evictor may ask. */
    interface EvictorContext {
        long getCurrentProcessingTime();

        long getCurrentWatermark();
    }
}
