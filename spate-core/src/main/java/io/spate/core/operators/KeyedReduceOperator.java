package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Function;
import io.spate.api.common.functions.ReduceFunction;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.core.state.InternalReducingState;

/**
 * A rolling reduce per key: keeps the key's aggregate in keyed state and emits the new aggregate
 * for every element.
 */
@Internal
public final class KeyedReduceOperator<T> extends AbstractStreamOperator<T, T> {
    private static final String STATE_NAME = "_reduce";

    private final ReduceFunction<T> function;
    private final TypeInfo<T> type;
    private InternalReducingState<T> state;

    public KeyedReduceOperator(ReduceFunction<T> function, TypeInfo<T> type) {
        this.function = function;
        this.type = type;
    }

    @Override
    protected Function userFunction() {
        return function;
    }

    @Override
    public void open() throws Exception {
        super.open();
        state =
                context.keyedStateBackend()
                        .getReducingState(
                                new ReducingStateDescriptor<>(STATE_NAME, function, type));
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        output.collect(state.addAndGet(value), timestamp);
    }
}
