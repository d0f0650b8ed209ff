package io.spate.api.common.functions;

import io.spate.annotations.Public;

/**
 * Keeps the elements for which it returns {@code true}. Called once per element, in input order.
 *
 * @param <T> the element type
 */
@Public
@FunctionalInterface
public interface FilterFunction<T> extends Function {
    boolean filter(T value) throws Exception;
}
