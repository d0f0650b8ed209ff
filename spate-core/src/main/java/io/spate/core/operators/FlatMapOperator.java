package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.FlatMapFunction;
import io.spate.api.common.functions.Function;

/** Applies a {@link FlatMapFunction}. */
@Internal
public final class FlatMapOperator<IN, OUT> extends AbstractStreamOperator<IN, OUT> {
    private final FlatMapFunction<IN, OUT> function;
    private TimestampedCollector<OUT> collector;

    public FlatMapOperator(FlatMapFunction<IN, OUT> function) {
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
    public void processElement(IN value, long timestamp) throws Exception {
        collector.setTimestamp(timestamp);
        function.flatMap(value, collector);
    }
}
