package io.spate.api.common.functions;

import io.spate.annotations.Public;

/**
 * Combines two values of the same type into one. Must be associative; Spate may apply it in any
 * grouping (but, for a keyed rolling reduce, always in arrival order per key).
 *
 * @param <T> the value type
 */
@Public
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
    T reduce(T accumulated, T value) throws Exception;
}
