package io.spate.api.common.state;

import io.spate.annotations.Public;

/**
 * A function applied to one piece of keyed state for every key of a subtask that holds a value of
 * it, with that key current: see {@code KeyedBroadcastProcessFunction.Context#applyToKeyedState}.
 *
 * @param <K> the key type
 * @param <S> the state type ({@code ValueState<T>}, {@code ListState<T>}, ...)
 */
@Public
@FunctionalInterface
public interface KeyedStateFunction<K, S> {
    /** Called once per key, with {@code state} scoped to {@code key}; it may change or clear it. */
    void process(K key, S state) throws Exception;
}
