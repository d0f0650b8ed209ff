package io.spate.api.common.functions;

import io.spate.annotations.Public;

/**
 * Sees, for one key (and, for a windowed co-group, one window), all elements of both inputs at
 * once; either side may be empty, but not both.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the result type
 */
@Public
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, OUT> extends Function {
    void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<OUT> out) throws Exception;
}
