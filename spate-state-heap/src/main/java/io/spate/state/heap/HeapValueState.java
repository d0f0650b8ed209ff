package io.spate.state.heap;

import io.spate.api.common.state.ValueState;

final class HeapValueState<K, T> implements ValueState<T> {
    private final HeapKeyedStateBackend<K> backend;
    private final StateTable<K, T> table;
    private final T defaultValue;

    HeapValueState(HeapKeyedStateBackend<K> backend, StateTable<K, T> table, T defaultValue) {
        this.backend = backend;
        this.table = table;
        this.defaultValue = defaultValue;
    }

    @Override
    public T value() {
        T v = table.get(backend.currentKeyGroupIndex(), backend.requireKey());
        return v != null ? v : defaultValue;
    }

    @Override
    public void update(T value) {
        K key = backend.requireKey();
        if (value == null) {
            table.remove(backend.currentKeyGroupIndex(), key);
        } else {
            table.put(backend.currentKeyGroupIndex(), key, value);
        }
    }

    @Override
    public void clear() {
        table.remove(backend.currentKeyGroupIndex(), backend.requireKey());
    }
}
