package io.spate.api.windowing.assigners;

import io.spate.annotations.Public;
import io.spate.api.windowing.windows.Window;
import java.util.Collection;

/**
 * An assigner whose windows can grow together, as session windows do: after each element, the
 * window operator asks it to merge the key's windows, and then merges their contents, their trigger
 * state and their timers.
 *
 * @param <T> the type of the elements assigned
 * @param <W> the type of the windows
 */
@Public
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {
    private static final long serialVersionUID = 1L;

    /**
     * Finds the windows that must become one and reports each such group, with the window they
     * become, to {@code callback}. Windows that merge with nothing are not reported.
     */
    public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

    /** Receives the result of {@link #mergeWindows}. */
    public interface MergeCallback<W> {
        /** {@code toBeMerged} (two or more windows) become {@code mergeResult}. */
        void merge(Collection<W> toBeMerged, W mergeResult);
    }
}
