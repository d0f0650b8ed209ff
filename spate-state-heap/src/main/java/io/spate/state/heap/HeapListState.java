package io.spate.state.heap;

import io.spate.core.state.InternalListState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

final class HeapListState<K, T> extends AbstractHeapState<K, ArrayList<T>>
        implements InternalListState<T> {

    HeapListState(HeapKeyedStateBackend<K> backend, StateTable<K, ArrayList<T>> table) {
        super(backend, table);
    }

    @Override
    public Iterable<T> get() {
        ArrayList<T> list = current();
        return list == null ? List.of() : list;
    }

    @Override
    public void add(T value) {
        if (value == null) {
            throw new NullPointerException("A list state cannot hold null");
        }
        ArrayList<T> list = current();
        if (list == null) {
            list = new ArrayList<>();
            setCurrent(list);
        }
        list.add(value);
    }

    @Override
    public void update(List<T> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        ArrayList<T> copy = new ArrayList<>(values.size());
        for (T v : values) {
            if (v == null) {
                throw new NullPointerException("A list state cannot hold null");
            }
            copy.add(v);
        }
        setCurrent(copy);
    }

    @Override
    public void addAll(List<T> values) {
        for (T v : values) {
            add(v);
        }
    }

    @Override
    public void mergeNamespaces(Object target, Collection<?> sources) {
        ArrayList<T> merged = currentIn(target);
        for (Object source : sources) {
            ArrayList<T> list = currentIn(source);
            if (list != null) {
                if (merged == null) {
                    merged = new ArrayList<>(list);
                } else {
                    merged.addAll(list);
                }
                removeIn(source);
            }
        }
        if (merged != null) {
            setIn(target, merged);
        }
    }
}
