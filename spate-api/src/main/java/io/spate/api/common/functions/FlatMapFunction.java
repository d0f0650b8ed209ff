package io.spate.api.common.functions;

import io.spate.annotations.Public;

/**
 * Turns one element into zero, one or more elements, handed to the collector during the call.
 * Called once per element, in input order, by the thread that owns the subtask.
 *
 * @param <T> the input type
 * @param <O> the output type
 */
@Public
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {
    void flatMap(T value, Collector<O> out) throws Exception;
}
