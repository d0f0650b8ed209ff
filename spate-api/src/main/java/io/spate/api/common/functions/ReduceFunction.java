package io.spate.api.common.functions;

import io.spate.annotations.Public;

/**
 * Combines two values of the same type into one. Must be associative; Spate may apply it in any
 * grouping (but, for a keyed rolling reduce, always in arrival order per key). A sliding window
 * reduce folds its elements pane by pane (slices of one slide, in time order, each in arrival
 * order), so a function that is not also commutative may see out-of-order elements in another order
 * than they arrived; set {@code pipeline.window-panes} to false to keep arrival order.
 *
 * @param <T> the value type
 */
@Public
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
    T reduce(T accumulated, T value) throws Exception;
}
