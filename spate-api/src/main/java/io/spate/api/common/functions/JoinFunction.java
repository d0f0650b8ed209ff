package io.spate.api.common.functions;

import io.spate.annotations.Public;

/**
 * Combines a pair of elements, one from each input, that have the same key (and, for a window join,
 * lie in the same window).
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the result type
 */
@Public
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function {
    OUT join(IN1 first, IN2 second) throws Exception;
}
