package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Function;
import io.spate.api.functions.co.CoMapFunction;

/** Applies a {@link CoMapFunction} to two inputs. */
@Internal
public final class CoMapOperator<IN1, IN2, OUT> extends AbstractStreamOperator<IN1, OUT>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {
    private final CoMapFunction<IN1, IN2, OUT> function;

    public CoMapOperator(CoMapFunction<IN1, IN2, OUT> function) {
        this.function = function;
    }

    @Override
    protected Function userFunction() {
        return function;
    }

    @Override
    public void processElement(IN1 value, long timestamp) throws Exception {
        emit(function.map1(value), timestamp);
    }

    @Override
    public void processElement2(IN2 value, long timestamp) throws Exception {
        emit(function.map2(value), timestamp);
    }

    private void emit(OUT result, long timestamp) {
        if (result == null) {
            throw new NullPointerException(
                    "The co-map function returned null; streams cannot carry null");
        }
        output.collect(result, timestamp);
    }
}
