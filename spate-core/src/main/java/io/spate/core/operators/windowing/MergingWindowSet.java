package io.spate.core.operators.windowing;

import io.spate.annotations.NotThreadSafe;
import io.spate.api.windowing.assigners.MergingWindowAssigner;
import io.spate.api.windowing.windows.Window;
import io.spate.core.state.InternalMapState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The windows of the current key under a merging assigner (sessions), each mapped to its <em>state
 * window</em>: the namespace under which its contents are stored. When windows merge, the result
 * takes over the state window of one of them and the others' contents are merged into it, so that
 * merging moves as little state as possible; the state window of a window therefore need not equal
 * the window.
 *
 * <p>The mapping lives in keyed map state (one entry per key while it has windows), so it is scoped
 * to the backend's current key like all other window state.
 */
@NotThreadSafe
final class MergingWindowSet<W extends Window> {
    private final MergingWindowAssigner<?, W> assigner;
    private final InternalMapState<W, W> mapping;

    MergingWindowSet(MergingWindowAssigner<?, W> assigner, InternalMapState<W, W> mapping) {
        this.assigner = assigner;
        this.mapping = mapping;
    }

    /** What the operator does when windows merge. */
    interface MergeFunction<W> {
        /**
         * {@code mergedWindows} (existing windows; never the new one) became {@code mergeResult};
         * their contents, stored under {@code mergedStateWindows}, must move into {@code
         * stateWindowResult}.
         */
        void merge(
                W mergeResult,
                Collection<W> mergedWindows,
                W stateWindowResult,
                Collection<W> mergedStateWindows)
                throws Exception;
    }

    /** The state window of {@code window}, or {@code null} if the key has no such window. */
    W getStateWindow(W window) throws Exception {
        return mapping.get(window);
    }

    /** Forgets a window that ended. */
    void retireWindow(W window) throws Exception {
        if (!mapping.contains(window)) {
            throw new IllegalStateException("Window " + window + " is not in the merging set");
        }
        mapping.remove(window);
    }

    /**
     * Adds the window of a new element and merges the key's windows as the assigner says; returns
     * the window the new one is now part of (itself, if it merged with nothing).
     */
    W addWindow(W newWindow, MergeFunction<W> mergeFunction) throws Exception {
        List<W> windows = new ArrayList<>();
        for (W w : mapping.keys()) {
            windows.add(w);
        }
        windows.add(newWindow);
        Map<W, List<W>> merges = new LinkedHashMap<>();
        assigner.mergeWindows(
                windows,
                (toBeMerged, mergeResult) -> merges.put(mergeResult, new ArrayList<>(toBeMerged)));

        W result = newWindow;
        boolean newWindowMerged = false;
        for (Map.Entry<W, List<W>> merge : merges.entrySet()) {
            W mergeResult = merge.getKey();
            List<W> mergedWindows = merge.getValue();
            if (mergedWindows.remove(newWindow)) {
                newWindowMerged = true;
                result = mergeResult;
            }
            // Keep the state of one existing window where it is; move the others' into it.
            W stateWindow = mapping.get(mergedWindows.get(0));
            List<W> mergedStateWindows = new ArrayList<>(mergedWindows.size());
            for (W merged : mergedWindows) {
                W s = mapping.get(merged);
                mapping.remove(merged);
                if (s != null && !s.equals(stateWindow)) {
                    mergedStateWindows.add(s);
                }
            }
            mapping.put(mergeResult, stateWindow);
            // A new window falling inside an existing one changes nothing.
            boolean noop = mergedWindows.size() == 1 && mergedWindows.get(0).equals(mergeResult);
            if (!noop) {
                mergeFunction.merge(mergeResult, mergedWindows, stateWindow, mergedStateWindows);
            }
        }
        if (!newWindowMerged) {
            mapping.put(newWindow, newWindow);
        }
        return result;
    }

    /** The current key's windows; for tests. */
    List<W> windows() throws Exception {
        List<W> all = new ArrayList<>();
        for (W w : mapping.keys()) {
            all.add(w);
        }
        return all;
    }
}
