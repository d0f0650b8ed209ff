package io.spate.core.operators.windowing;

import io.spate.annotations.Internal;
import io.spate.annotations.NotThreadSafe;
import io.spate.api.graph.WindowOperatorSpec;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.spate.api.windowing.triggers.EventTimeTrigger;
import io.spate.api.windowing.triggers.ProcessingTimeTrigger;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.core.state.InternalFoldingState;
import java.util.ArrayList;
import java.util.List;

/**
 * The contents of aligned time windows kept as <em>panes</em> (ADR 0007): when the window size is a
 * multiple of the slide, time falls into slices of one slide, aligned like the windows, so that
 * every element is in exactly one pane and every window is the union of {@code size / slide}
 * consecutive panes. An element then updates one accumulator instead of one per window, and a
 * window folds its panes together when it fires. A tumbling window is its own single pane.
 *
 * <pre>
 *   slide 2, size 6:   pane [0,2)  [2,4)  [4,6)  [6,8)  [8,10)
 *                      window [0,6) = [0,2) + [2,4) + [4,6)
 *                             window [2,8) = [2,4) + [4,6) + [6,8)
 * </pre>
 *
 * <p>Panes are namespaces of a reducing or aggregating state, like windows in the general path:
 * {@code TimeWindow}s one slide long. A pane is dropped when the last window containing it (the one
 * that starts with it) is cleaned up.
 *
 * <p><b>Windows restored from the general path.</b> A snapshot taken without panes holds the
 * contents of sliding windows per window, under the general path's state name. Such a window keeps
 * its own contents until it is cleaned up: it takes the elements that arrive for it (as well as
 * their panes, which later windows need) and fires with what it holds, not with its panes, which
 * miss what arrived before the restore. Tumbling windows need none of this: their panes are the
 * windows, under the same state name.
 *
 * <p>All methods act on the backend's current key. Used by the window operator's thread only.
 */
@Internal
@NotThreadSafe
final class WindowPanes<IN> {
    /** The state name of pane contents when panes are not windows (slide &lt; size). */
    static final String PANES_STATE = "_window-panes";

    private static final int CACHED_PANES = 64;

    final long size;
    final long slide;
    final long offset;

    /** How many panes make one window. */
    final int perWindow;

    private final InternalFoldingState<IN, ?> state;

    /** Windows restored with contents of their own, or {@code null} once there are none. */
    private InternalFoldingState<IN, ?> restoredWindows;

    /** Recently used pane namespaces by pane number, so that a record allocates none. */
    private final TimeWindow[] recent = new TimeWindow[CACHED_PANES];

    private final List<TimeWindow> windowPanes;

    /** Window size, slide and offset in milliseconds; windows start at {@code offset mod slide}. */
    record Geometry(long size, long slide, long offset) {
        /** Whether every pane is a window (tumbling windows). */
        boolean panesAreWindows() {
            return size == slide;
        }
    }

    /**
     * The geometry of a spec's windows when panes keep exactly what the general path would, or
     * {@code null}: incremental contents ({@code reduce}, {@code aggregate}), no evictor, the
     * assigner's own trigger, and event-time sliding or tumbling windows whose size is a multiple
     * of the slide, or processing-time tumbling windows. (Processing-time sliding windows stay on
     * the general path: there, a window that fired takes new elements of the same millisecond into
     * fresh contents, which panes shared by several windows cannot reproduce.)
     */
    static Geometry geometryOf(WindowOperatorSpec spec) {
        if (spec.evictor() != null
                || !(spec.contents() instanceof WindowOperatorSpec.Reduce
                        || spec.contents() instanceof WindowOperatorSpec.Aggregate)) {
            return null;
        }
        Object assigner = spec.assigner();
        Object trigger = spec.trigger();
        if (assigner instanceof SlidingEventTimeWindows && trigger instanceof EventTimeTrigger) {
            SlidingEventTimeWindows s = (SlidingEventTimeWindows) assigner;
            if (s.getSize() % s.getSlide() != 0) {
                return null;
            }
            return new Geometry(s.getSize(), s.getSlide(), s.getOffset());
        }
        if (assigner instanceof TumblingEventTimeWindows && trigger instanceof EventTimeTrigger) {
            TumblingEventTimeWindows t = (TumblingEventTimeWindows) assigner;
            return new Geometry(t.getSize(), t.getSize(), t.getOffset());
        }
        if (assigner instanceof TumblingProcessingTimeWindows
                && trigger instanceof ProcessingTimeTrigger) {
            TumblingProcessingTimeWindows t = (TumblingProcessingTimeWindows) assigner;
            return new Geometry(t.getSize(), t.getSize(), t.getOffset());
        }
        return null;
    }

    /**
     * @param geometry the windows' geometry, from {@link #geometryOf}
     * @param state the pane contents: {@link #PANES_STATE} when panes are smaller than windows,
     *     otherwise the general path's contents state (then pane and window state are alike)
     * @param restoredWindows when panes are smaller than windows, the general path's contents
     *     state, which holds the windows of a snapshot taken without panes; otherwise {@code null}
     */
    WindowPanes(
            Geometry geometry,
            InternalFoldingState<IN, ?> state,
            InternalFoldingState<IN, ?> restoredWindows) {
        this.size = geometry.size();
        this.slide = geometry.slide();
        this.offset = geometry.offset();
        this.perWindow = (int) (size / slide);
        this.state = state;
        this.restoredWindows =
                restoredWindows == null || restoredWindows.isEmpty() ? null : restoredWindows;
        this.windowPanes = new ArrayList<>(perWindow);
    }

    /** The start of the pane {@code time} falls in: also the start of its last window. */
    long paneStart(long time) {
        return TimeWindow.getWindowStartWithOffset(time, offset, slide);
    }

    /** The pane starting at {@code start}, as a namespace. */
    private TimeWindow pane(long start) {
        int i = (int) Math.floorMod(Math.floorDiv(start, slide), (long) CACHED_PANES);
        TimeWindow p = recent[i];
        if (p == null || p.start() != start) {
            p = new TimeWindow(start, start + slide);
            recent[i] = p;
        }
        return p;
    }

    /** Adds {@code value} to the pane at {@code paneStart}; returns whether the pane is new. */
    boolean add(long paneStart, IN value) throws Exception {
        state.setCurrentNamespace(pane(paneStart));
        return state.addAndCheckNew(value);
    }

    /** Whether the pane at {@code paneStart} holds a value. */
    boolean holds(long paneStart) {
        state.setCurrentNamespace(pane(paneStart));
        return state.hasValue();
    }

    /** Whether some window restored from a snapshot without panes still has contents of its own. */
    boolean hasRestoredWindows() {
        return restoredWindows != null;
    }

    /** Adds {@code value} to {@code window}'s own contents if it was restored with some. */
    void addToRestoredWindow(TimeWindow window, IN value) throws Exception {
        if (restoredWindows != null) {
            restoredWindows.setCurrentNamespace(window);
            if (restoredWindows.hasValue()) {
                restoredWindows.add(value);
            }
        }
    }

    /** What {@code window} holds, or {@code null} when it holds nothing. */
    Object contentsOf(TimeWindow window) throws Exception {
        if (perWindow == 1) {
            state.setCurrentNamespace(window);
            return state.get();
        }
        if (restoredWindows != null) {
            restoredWindows.setCurrentNamespace(window);
            Object own = restoredWindows.get();
            if (own != null) {
                return own;
            }
        }
        windowPanes.clear();
        for (int i = 0; i < perWindow; i++) {
            windowPanes.add(pane(window.start() + i * slide));
        }
        return state.getMerged(windowPanes);
    }

    /**
     * Cleans up after {@code window}, the last window of the pane it starts with: drops that pane,
     * and the window's own contents if it was restored with some.
     */
    void cleanUp(TimeWindow window) {
        state.setCurrentNamespace(pane(window.start()));
        state.clear();
        if (restoredWindows != null) {
            restoredWindows.setCurrentNamespace(window);
            restoredWindows.clear();
            if (restoredWindows.isEmpty()) {
                restoredWindows = null;
            }
        }
    }
}
