package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Function;
import io.spate.api.datastream.OutputTag;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.functions.TimerService;

/** Applies a {@link ProcessFunction} to a non-keyed stream. */
@Internal
public final class ProcessOperator<IN, OUT> extends AbstractStreamOperator<IN, OUT> {
    private final ProcessFunction<IN, OUT> function;
    private TimestampedCollector<OUT> collector;
    private ContextImpl ctx;
    private long timestamp;

    public ProcessOperator(ProcessFunction<IN, OUT> function) {
        this.function = function;
    }

    @Override
    protected Function userFunction() {
        return function;
    }

    @Override
    public void open() throws Exception {
        collector = new TimestampedCollector<>(output);
        ctx = new ContextImpl(function, new NonKeyedTimerService(context, this::currentWatermark));
        super.open();
    }

    @Override
    public void processElement(IN value, long timestamp) throws Exception {
        this.timestamp = timestamp;
        collector.setTimestamp(timestamp);
        function.processElement(value, ctx, collector);
    }

    private final class ContextImpl extends ProcessFunction<IN, OUT>.Context {
        private final TimerService timerService;

        ContextImpl(ProcessFunction<IN, OUT> f, TimerService timerService) {
            f.super();
            this.timerService = timerService;
        }

        @Override
        public Long timestamp() {
            return StreamElements.userTimestamp(timestamp);
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            if (value == null) {
                throw new NullPointerException("A side output cannot carry null");
            }
            output.collect(outputTag, value, timestamp);
        }
    }
}
