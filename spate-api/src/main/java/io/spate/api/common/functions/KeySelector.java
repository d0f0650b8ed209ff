package io.spate.api.common.functions;

import io.spate.annotations.Public;

/**
 * Extracts the key of an element for {@code keyBy}. Must be deterministic: the same element gives
 * an equal key with an equal {@link Object#hashCode()} in every process, on every run. (So no
 * identity hash codes, and no enums' {@code hashCode} — use their name or ordinal.)
 *
 * @param <T> the element type
 * @param <K> the key type
 */
@Public
@FunctionalInterface
public interface KeySelector<T, K> extends Function {
    K getKey(T value) throws Exception;
}
