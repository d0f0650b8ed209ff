package io.spate.state.heap;

import io.spate.core.state.InternalValueState;

final class HeapValueState<K, T> extends AbstractHeapState<K, T> implements InternalValueState<T> {
    private final T defaultValue;

    HeapValueState(HeapKeyedStateBackend<K> backend, StateTable<K, T> table, T defaultValue) {
        super(backend, table);
        this.defaultValue = defaultValue;
    }

    @Override
    public T value() {
        T v = current();
        return v != null ? v : defaultValue;
    }

    @Override
    public void update(T value) {
        if (value == null) {
            clear();
        } else {
            setCurrent(value);
        }
    }
}
