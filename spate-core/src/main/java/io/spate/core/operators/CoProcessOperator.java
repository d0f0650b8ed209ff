package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Function;
import io.spate.api.datastream.OutputTag;
import io.spate.api.functions.TimerService;
import io.spate.api.functions.co.CoProcessFunction;

/**
 * Applies a {@link CoProcessFunction} to two inputs. Its timer service tells the time and refuses
 * timers; on keyed inputs the function still has keyed state through its runtime context.
 */
@Internal
public final class CoProcessOperator<IN1, IN2, OUT> extends AbstractStreamOperator<IN1, OUT>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {
    private final CoProcessFunction<IN1, IN2, OUT> function;
    private TimestampedCollector<OUT> collector;
    private ContextImpl ctx;
    private long timestamp;

    public CoProcessOperator(CoProcessFunction<IN1, IN2, OUT> function) {
        this.function = function;
    }

    @Override
    protected Function userFunction() {
        return function;
    }

    @Override
    public void open() throws Exception {
        collector = new TimestampedCollector<>(output);
        String why =
                context.keyedStateBackend() == null
                        ? "connects non-keyed streams, where timers are not available: key both"
                                + " inputs (connected.keyBy(key1, key2)) and use a"
                                + " KeyedCoProcessFunction"
                        : "applies a CoProcessFunction, which has no timers: use a"
                                + " KeyedCoProcessFunction for timers on keyed connected streams";
        ctx =
                new ContextImpl(
                        function, new NonKeyedTimerService(context, this::currentWatermark, why));
        super.open();
    }

    @Override
    public void processElement(IN1 value, long timestamp) throws Exception {
        this.timestamp = timestamp;
        collector.setTimestamp(timestamp);
        function.processElement1(value, ctx, collector);
    }

    @Override
    public void processElement2(IN2 value, long timestamp) throws Exception {
        this.timestamp = timestamp;
        collector.setTimestamp(timestamp);
        function.processElement2(value, ctx, collector);
    }

    private final class ContextImpl extends CoProcessFunction<IN1, IN2, OUT>.Context {
        private final TimerService timerService;

        ContextImpl(CoProcessFunction<IN1, IN2, OUT> f, TimerService timerService) {
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
