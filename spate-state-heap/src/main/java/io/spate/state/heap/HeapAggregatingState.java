package io.spate.state.heap;

import io.spate.api.common.functions.AggregateFunction;
import io.spate.core.state.InternalAggregatingState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

final class HeapAggregatingState<K, IN, ACC, OUT> extends AbstractHeapState<K, ACC>
        implements InternalAggregatingState<IN, ACC, OUT> {
    private final AggregateFunction<IN, ACC, OUT> function;
    private final StateTable.Update<ACC, IN> add;

    /** Set by {@link #add} when it creates the accumulator; for {@link #addAndCheckNew}. */
    private boolean created;

    /** The stored accumulators {@link #getMerged} folds; empty between calls. */
    private final List<ACC> merging = new ArrayList<>();

    HeapAggregatingState(
            HeapKeyedStateBackend<K> backend,
            StateTable<K, ACC> table,
            AggregateFunction<IN, ACC, OUT> function) {
        super(backend, table);
        this.function = function;
        this.add =
                (acc, value) -> {
                    if (acc == null) {
                        created = true;
                        acc = function.createAccumulator();
                    }
                    return function.add(value, acc);
                };
    }

    @Override
    public OUT get() {
        ACC acc = current();
        return acc == null ? null : function.getResult(acc);
    }

    @Override
    public ACC getAccumulator() {
        return current();
    }

    @Override
    public void add(IN value) throws Exception {
        updateCurrent(value, add);
    }

    @Override
    public boolean addAndCheckNew(IN value) throws Exception {
        created = false;
        updateCurrent(value, add);
        return created;
    }

    @Override
    public OUT getMerged(List<?> namespaces) {
        merging.clear();
        peekAllIn(namespaces, merging);
        ACC merged = null;
        for (int i = 0; i < merging.size(); i++) {
            // merge may change or return either accumulator: give it copies.
            ACC copy = table.codec.copy(merging.get(i));
            merged = merged == null ? copy : function.merge(merged, copy);
        }
        merging.clear();
        return merged == null ? null : function.getResult(merged);
    }

    @Override
    public void mergeNamespaces(Object target, Collection<?> sources) {
        ACC merged = currentIn(target);
        for (Object source : sources) {
            ACC acc = currentIn(source);
            if (acc != null) {
                merged = merged == null ? acc : function.merge(merged, acc);
                removeIn(source);
            }
        }
        if (merged != null) {
            setIn(target, merged);
        }
    }
}
