package io.spate.core.operators.windowing;

import io.spate.annotations.Internal;
import io.spate.api.windowing.windows.Window;
import java.util.Collection;

/**
 * How a window operator keeps the contents of its windows: one incremental value ({@code reduce},
 * {@code aggregate}), every element ({@code process}), or every element with its timestamp for an
 * evictor. All methods act on the current key (set on the state backend) and the window last given
 * to {@link #setStateWindow}. Used by the operator's thread only.
 *
 * <p>An evaluation is {@link #beginEvaluation}, the window function's call with what it returned,
 * then {@link #endEvaluation}.
 *
 * @param <IN> the element type
 * @param <W> the window type
 */
@Internal
interface WindowContents<IN, W extends Window> {

    /** Scopes the following calls to the contents stored under {@code stateWindow}. */
    void setStateWindow(W stateWindow);

    void add(IN element, long timestamp) throws Exception;

    /**
     * What the window function gets for {@code window}: the single incremental result, or the
     * elements; {@code null} when there is nothing to evaluate.
     */
    Iterable<Object> beginEvaluation(W window) throws Exception;

    /** Called after the window function ran on what {@link #beginEvaluation} returned. */
    default void endEvaluation(W window) throws Exception {}

    /** Drops the contents (purge, cleanup). */
    void clear();

    /** Moves the contents of {@code sources} into {@code target} (merging windows). */
    void merge(W target, Collection<W> sources) throws Exception;
}
