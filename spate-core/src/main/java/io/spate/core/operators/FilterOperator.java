package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.FilterFunction;
import io.spate.api.common.functions.Function;

/** Forwards the elements a {@link FilterFunction} accepts. */
@Internal
public final class FilterOperator<T> extends AbstractStreamOperator<T, T> {
    private final FilterFunction<T> function;

    public FilterOperator(FilterFunction<T> function) {
        this.function = function;
    }

    @Override
    protected Function userFunction() {
        return function;
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        if (function.filter(value)) {
            output.collect(value, timestamp);
        }
    }
}
