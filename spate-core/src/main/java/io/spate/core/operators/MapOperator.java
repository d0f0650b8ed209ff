package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Function;
import io.spate.api.common.functions.MapFunction;

/**
 * Applies a {@link MapFunction}; a {@code null} result is an error, since streams carry no nulls.
 */
@Internal
public final class MapOperator<IN, OUT> extends AbstractStreamOperator<IN, OUT> {
    private final MapFunction<IN, OUT> function;

    public MapOperator(MapFunction<IN, OUT> function) {
        this.function = function;
    }

    @Override
    protected Function userFunction() {
        return function;
    }

    @Override
    public void processElement(IN value, long timestamp) throws Exception {
        OUT result = function.map(value);
        if (result == null) {
            throw new NullPointerException(
                    "The map function returned null for element "
                            + value
                            + "; streams cannot carry null");
        }
        output.collect(result, timestamp);
    }
}
