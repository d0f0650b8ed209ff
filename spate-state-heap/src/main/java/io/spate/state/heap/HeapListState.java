package io.spate.state.heap;

import io.spate.api.common.state.ListState;
import java.util.ArrayList;
import java.util.List;

final class HeapListState<K, T> implements ListState<T> {
    private final HeapKeyedStateBackend<K> backend;
    private final StateTable<K, ArrayList<T>> table;

    HeapListState(HeapKeyedStateBackend<K> backend, StateTable<K, ArrayList<T>> table) {
        this.backend = backend;
        this.table = table;
    }

    @Override
    public Iterable<T> get() {
        ArrayList<T> list = table.get(backend.currentKeyGroupIndex(), backend.requireKey());
        return list == null ? List.of() : list;
    }

    @Override
    public void add(T value) {
        if (value == null) {
            throw new NullPointerException("A list state cannot hold null");
        }
        K key = backend.requireKey();
        ArrayList<T> list = table.get(backend.currentKeyGroupIndex(), key);
        if (list == null) {
            list = new ArrayList<>();
            table.put(backend.currentKeyGroupIndex(), key, list);
        }
        list.add(value);
    }

    @Override
    public void update(List<T> values) {
        K key = backend.requireKey();
        if (values == null || values.isEmpty()) {
            table.remove(backend.currentKeyGroupIndex(), key);
            return;
        }
        ArrayList<T> copy = new ArrayList<>(values.size());
        for (T v : values) {
            if (v == null) {
                throw new NullPointerException("A list state cannot hold null");
            }
            copy.add(v);
        }
        table.put(backend.currentKeyGroupIndex(), key, copy);
    }

    @Override
    public void addAll(List<T> values) {
        for (T v : values) {
            add(v);
        }
    }

    @Override
    public void clear() {
        table.remove(backend.currentKeyGroupIndex(), backend.requireKey());
    }
}
