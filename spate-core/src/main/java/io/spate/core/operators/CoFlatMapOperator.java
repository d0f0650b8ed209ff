package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Function;
import io.spate.api.functions.co.CoFlatMapFunction;

/** Applies a {@link CoFlatMapFunction} to two inputs; what it emits keeps the input's timestamp. */
@Internal
public final class CoFlatMapOperator<IN1, IN2, OUT> extends AbstractStreamOperator<IN1, OUT>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {
    private final CoFlatMapFunction<IN1, IN2, OUT> function;
    private TimestampedCollector<OUT> collector;

    public CoFlatMapOperator(CoFlatMapFunction<IN1, IN2, OUT> function) {
        this.function = function;
    }

    @Override
    protected Function userFunction() {
        return function;
    }

    @Override
    public void open() throws Exception {
        collector = new TimestampedCollector<>(output);
        super.open();
    }

    @Override
    public void processElement(IN1 value, long timestamp) throws Exception {
        collector.setTimestamp(timestamp);
        function.flatMap1(value, collector);
    }

    @Override
    public void processElement2(IN2 value, long timestamp) throws Exception {
        collector.setTimestamp(timestamp);
        function.flatMap2(value, collector);
    }
}
