package io.spate.state.heap;

import io.spate.api.common.functions.ReduceFunction;
import io.spate.api.common.state.ReducingState;

final class HeapReducingState<K, T> implements ReducingState<T> {
    private final HeapKeyedStateBackend<K> backend;
    private final StateTable<K, T> table;
    private final ReduceFunction<T> reduceFunction;

    HeapReducingState(
            HeapKeyedStateBackend<K> backend,
            StateTable<K, T> table,
            ReduceFunction<T> reduceFunction) {
        this.backend = backend;
        this.table = table;
        this.reduceFunction = reduceFunction;
    }

    @Override
    public T get() {
        return table.get(backend.currentKeyGroupIndex(), backend.requireKey());
    }

    @Override
    public void add(T value) throws Exception {
        K key = backend.requireKey();
        T current = table.get(backend.currentKeyGroupIndex(), key);
        table.put(
                backend.currentKeyGroupIndex(),
                key,
                current == null ? value : reduceFunction.reduce(current, value));
    }

    @Override
    public void clear() {
        table.remove(backend.currentKeyGroupIndex(), backend.requireKey());
    }
}
