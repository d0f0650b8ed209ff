package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Function;
import io.spate.api.datastream.OutputTag;
import io.spate.api.functions.TimeDomain;
import io.spate.api.functions.TimerService;
import io.spate.api.functions.co.KeyedCoProcessFunction;
import io.spate.core.state.KeyedStateBackend;
import io.spate.core.state.VoidNamespace;
import io.spate.core.timers.InternalTimer;
import io.spate.core.timers.Triggerable;

/**
 * Applies a {@link KeyedCoProcessFunction} to two keyed inputs: the elements of either input arrive
 * with their key already current on the state backend (the runtime applies each input's key
 * selector), so both inputs share the key's state and timers; the timers call {@code onTimer} with
 * their key current.
 */
@Internal
public final class KeyedCoProcessOperator<K, IN1, IN2, OUT> extends AbstractStreamOperator<IN1, OUT>
        implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<K, VoidNamespace> {
    private final KeyedCoProcessFunction<K, IN1, IN2, OUT> function;
    private TimestampedCollector<OUT> collector;
    private ContextImpl ctx;
    private OnTimerContextImpl onTimerCtx;
    private KeyedStateBackend<K> backend;
    private TimerService timerService;
    private long timestamp;

    public KeyedCoProcessOperator(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
        this.function = function;
    }

    @Override
    protected Function userFunction() {
        return function;
    }

    @Override
    public void open() throws Exception {
        collector = new TimestampedCollector<>(output);
        backend = keyedStateBackend();
        timerService = new KeyedTimerService(createTimerService(this));
        ctx = new ContextImpl(function);
        onTimerCtx = new OnTimerContextImpl(function);
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

    @Override
    public void onEventTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        fire(timer, TimeDomain.EVENT_TIME, timer.timestamp());
    }

    @Override
    public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        fire(timer, TimeDomain.PROCESSING_TIME, StreamElements.NO_TIMESTAMP);
    }

    private void fire(InternalTimer<K, VoidNamespace> timer, TimeDomain domain, long outputTime)
            throws Exception {
        timestamp = outputTime;
        collector.setTimestamp(outputTime);
        onTimerCtx.domain = domain;
        function.onTimer(timer.timestamp(), onTimerCtx, collector);
    }

    private <X> void sideOutput(OutputTag<X> tag, X value) {
        if (value == null) {
            throw new NullPointerException("A side output cannot carry null");
        }
        output.collect(tag, value, timestamp);
    }

    private final class ContextImpl extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.Context {
        ContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> f) {
            f.super();
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
            sideOutput(outputTag, value);
        }

        @Override
        public K getCurrentKey() {
            return backend.getCurrentKey();
        }
    }

    private final class OnTimerContextImpl
            extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
        TimeDomain domain;

        OnTimerContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> f) {
            f.super();
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
            sideOutput(outputTag, value);
        }

        @Override
        public K getCurrentKey() {
            return backend.getCurrentKey();
        }

        @Override
        public TimeDomain timeDomain() {
            return domain;
        }
    }
}
