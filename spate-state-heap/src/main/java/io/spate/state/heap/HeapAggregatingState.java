package io.spate.state.heap;

import io.spate.api.common.functions.AggregateFunction;
import io.spate.core.state.InternalAggregatingState;
import java.util.Collection;

final class HeapAggregatingState<K, IN, ACC, OUT> extends AbstractHeapState<K, ACC>
        implements InternalAggregatingState<IN, ACC, OUT> {
    private final AggregateFunction<IN, ACC, OUT> function;
    private final StateTable.Update<ACC, IN> add;

    HeapAggregatingState(
            HeapKeyedStateBackend<K> backend,
            StateTable<K, ACC> table,
            AggregateFunction<IN, ACC, OUT> function) {
        super(backend, table);
        this.function = function;
        this.add =
                (acc, value) ->
                        function.add(value, acc == null ? function.createAccumulator() : acc);
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
