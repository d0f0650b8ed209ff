package io.spate.state.heap;

import io.spate.api.common.functions.ReduceFunction;
import io.spate.core.state.InternalReducingState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

final class HeapReducingState<K, T> extends AbstractHeapState<K, T>
        implements InternalReducingState<T> {
    private final ReduceFunction<T> reduceFunction;
    private final StateTable.Update<T, T> add;

    /** Set by {@link #add} when the value is the first; for {@link #addAndCheckNew}. */
    private boolean created;

    /** The stored values {@link #getMerged} folds; empty between calls. */
    private final List<T> merging = new ArrayList<>();

    HeapReducingState(
            HeapKeyedStateBackend<K> backend,
            StateTable<K, T> table,
            ReduceFunction<T> reduceFunction) {
        super(backend, table);
        this.reduceFunction = reduceFunction;
        this.add =
                (current, value) -> {
                    if (current != null) {
                        return reduce(current, value);
                    }
                    if (value == null) {
                        throw new NullPointerException("The reduce function returned null");
                    }
                    created = true;
                    return value;
                };
    }

    private T reduce(T current, T value) throws Exception {
        T next = reduceFunction.reduce(current, value);
        if (next == null) {
            throw new NullPointerException("The reduce function returned null");
        }
        return next;
    }

    @Override
    public T get() {
        return current();
    }

    @Override
    public void add(T value) throws Exception {
        updateCurrent(value, add);
    }

    @Override
    public T addAndGet(T value) throws Exception {
        return updateCurrent(value, add);
    }

    @Override
    public boolean addAndCheckNew(T value) throws Exception {
        created = false;
        updateCurrent(value, add);
        return created;
    }

    @Override
    public T getMerged(List<?> namespaces) throws Exception {
        merging.clear();
        peekAllIn(namespaces, merging);
        T merged = null;
        for (int i = 0; i < merging.size(); i++) {
            // reduce may change or return either value: give it copies.
            T copy = table.codec.copy(merging.get(i));
            merged = merged == null ? copy : reduce(merged, copy);
        }
        merging.clear();
        return merged;
    }

    @Override
    public void mergeNamespaces(Object target, Collection<?> sources) throws Exception {
        T merged = currentIn(target);
        for (Object source : sources) {
            T v = currentIn(source);
            if (v != null) {
                merged = merged == null ? v : reduceFunction.reduce(merged, v);
                removeIn(source);
            }
        }
        if (merged != null) {
            setIn(target, merged);
        }
    }
}
