package io.spate.state.heap;

import io.spate.api.common.functions.ReduceFunction;
import io.spate.core.state.InternalReducingState;
import java.util.Collection;

final class HeapReducingState<K, T> extends AbstractHeapState<K, T>
        implements InternalReducingState<T> {
    private final ReduceFunction<T> reduceFunction;
    private final StateTable.Update<T, T> add;

    HeapReducingState(
            HeapKeyedStateBackend<K> backend,
            StateTable<K, T> table,
            ReduceFunction<T> reduceFunction) {
        super(backend, table);
        this.reduceFunction = reduceFunction;
        this.add =
                (current, value) -> {
                    T next = current == null ? value : reduceFunction.reduce(current, value);
                    if (next == null) {
                        throw new NullPointerException("The reduce function returned null");
                    }
                    return next;
                };
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
