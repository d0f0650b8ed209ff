package io.spate.api.common.functions;

import io.spate.annotations.Public;

/**
 * Turns one element into exactly one element. Called by the worker thread that owns the subtask,
 * once per element, in input order. An exception fails the job (or triggers a restart, when one is
 * configured) and names the operator and subtask.
 *
 * @param <T> the input type
 * @param <O> the output type
 */
@Public
@FunctionalInterface
public interface MapFunction<T, O> extends Function {
    O map(T value) throws Exception;
}
