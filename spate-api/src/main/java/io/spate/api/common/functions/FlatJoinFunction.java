package io.spate.api.common.functions;

import io.spate.annotations.Public;

/**
 * Like {@link JoinFunction}, emitting any number of results per pair.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the result type
 */
@Public
@FunctionalInterface
public interface FlatJoinFunction<IN1, IN2, OUT> extends Function {
    void join(IN1 first, IN2 second, Collector<OUT> out) throws Exception;
}
