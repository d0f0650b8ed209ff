package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Function;
import io.spate.api.common.state.AggregatingState;
import io.spate.api.common.state.AggregatingStateDescriptor;
import io.spate.api.common.state.BroadcastState;
import io.spate.api.common.state.KeyedStateFunction;
import io.spate.api.common.state.ListState;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.MapState;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ReadOnlyBroadcastState;
import io.spate.api.common.state.ReducingState;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.datastream.OutputTag;
import io.spate.api.functions.TimeDomain;
import io.spate.api.functions.TimerService;
import io.spate.api.functions.co.KeyedBroadcastProcessFunction;
import io.spate.core.state.BroadcastStateStore;
import io.spate.core.state.KeyedStateBackend;
import io.spate.core.state.VoidNamespace;
import io.spate.core.timers.InternalTimer;
import io.spate.core.timers.Triggerable;
import java.util.List;

/**
 * Applies a {@link KeyedBroadcastProcessFunction}: the first input is keyed (its elements arrive
 * with their key current, and have keyed state and timers), the second is the broadcast stream,
 * whose every element reaches every subtask. Each subtask keeps its own copy of the broadcast state
 * in a {@link BroadcastStateStore}.
 *
 * <p>A broadcast element belongs to no key: before the function sees it the current key is cleared,
 * so that keyed state used directly fails clearly, and {@code applyToKeyedState} visits the keys of
 * one state, making each current in turn.
 */
@Internal
public final class KeyedBroadcastProcessOperator<K, IN1, IN2, OUT>
        extends AbstractStreamOperator<IN1, OUT>
        implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<K, VoidNamespace> {
    private final KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function;
    private final List<MapStateDescriptor<?, ?>> broadcastStates;
    private BroadcastStateStore store;
    private KeyedStateBackend<K> backend;
    private TimerService timerService;
    private TimestampedCollector<OUT> collector;
    private ReadOnlyContextImpl readOnlyCtx;
    private OnTimerContextImpl onTimerCtx;
    private ContextImpl ctx;
    private long timestamp;

    public KeyedBroadcastProcessOperator(
            KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function,
            List<MapStateDescriptor<?, ?>> broadcastStates) {
        this.function = function;
        this.broadcastStates = List.copyOf(broadcastStates);
    }

    @Override
    protected Function userFunction() {
        return function;
    }

    /** This subtask's broadcast state. */
    @Override
    public OperatorSnapshot snapshotState(long checkpointId, long timestamp) throws Exception {
        OperatorSnapshot own = super.snapshotState(checkpointId, timestamp);
        java.util.Map<String, io.spate.core.checkpoint.OperatorListState> lists =
                new java.util.LinkedHashMap<>(own.operatorState());
        lists.putAll(store.snapshot(context.serializers()));
        return new OperatorSnapshot(own.keyedParts(), lists);
    }

    public BroadcastStateStore broadcastStateStore() {
        return store;
    }

    @Override
    public void open() throws Exception {
        store = new BroadcastStateStore(context.operatorName(), broadcastStates);
        store.restore(restoredState().operatorState(), context.serializers());
        backend = keyedStateBackend();
        timerService = new KeyedTimerService(createTimerService(this));
        collector = new TimestampedCollector<>(output);
        readOnlyCtx = new ReadOnlyContextImpl(function);
        onTimerCtx = new OnTimerContextImpl(function);
        ctx = new ContextImpl(function);
        super.open();
    }

    @Override
    public void processElement(IN1 value, long timestamp) throws Exception {
        this.timestamp = timestamp;
        collector.setTimestamp(timestamp);
        function.processElement(value, readOnlyCtx, collector);
    }

    @Override
    public void processElement2(IN2 value, long timestamp) throws Exception {
        this.timestamp = timestamp;
        collector.setTimestamp(timestamp);
        backend.clearCurrentKey();
        function.processBroadcastElement(value, ctx, collector);
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

    /** Calls {@code f} for each key holding a value of {@code state}, with the key current. */
    private <S> void applyToKeys(String stateName, S state, KeyedStateFunction<K, S> f)
            throws Exception {
        try {
            for (K key : backend.getKeys(stateName)) {
                backend.setCurrentKey(key);
                f.process(key, state);
            }
        } finally {
            backend.clearCurrentKey();
        }
    }

    private <X> void sideOutput(OutputTag<X> tag, X value) {
        if (value == null) {
            throw new NullPointerException("A side output cannot carry null");
        }
        output.collect(tag, value, timestamp);
    }

    private final class ContextImpl
            extends KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.Context {
        ContextImpl(KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> f) {
            f.super();
        }

        @Override
        public Long timestamp() {
            return StreamElements.userTimestamp(timestamp);
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutput(outputTag, value);
        }

        @Override
        public long currentProcessingTime() {
            return context.processingTimeService().currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return KeyedBroadcastProcessOperator.this.currentWatermark();
        }

        @Override
        public <KB, VB> BroadcastState<KB, VB> getBroadcastState(
                MapStateDescriptor<KB, VB> descriptor) {
            return store.getBroadcastState(descriptor);
        }

        @Override
        public <T> void applyToKeyedState(
                ValueStateDescriptor<T> descriptor, KeyedStateFunction<K, ValueState<T>> f)
                throws Exception {
            applyToKeys(descriptor.getName(), backend.getValueState(descriptor), f);
        }

        @Override
        public <T> void applyToKeyedState(
                ListStateDescriptor<T> descriptor, KeyedStateFunction<K, ListState<T>> f)
                throws Exception {
            applyToKeys(descriptor.getName(), backend.getListState(descriptor), f);
        }

        @Override
        public <UK, UV> void applyToKeyedState(
                MapStateDescriptor<UK, UV> descriptor, KeyedStateFunction<K, MapState<UK, UV>> f)
                throws Exception {
            applyToKeys(descriptor.getName(), backend.getMapState(descriptor), f);
        }

        @Override
        public <T> void applyToKeyedState(
                ReducingStateDescriptor<T> descriptor, KeyedStateFunction<K, ReducingState<T>> f)
                throws Exception {
            applyToKeys(descriptor.getName(), backend.getReducingState(descriptor), f);
        }

        @Override
        public <IN, ACC, OUT2> void applyToKeyedState(
                AggregatingStateDescriptor<IN, ACC, OUT2> descriptor,
                KeyedStateFunction<K, AggregatingState<IN, OUT2>> f)
                throws Exception {
            applyToKeys(descriptor.getName(), backend.getAggregatingState(descriptor), f);
        }
    }

    private final class ReadOnlyContextImpl
            extends KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.ReadOnlyContext {
        ReadOnlyContextImpl(KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> f) {
            f.super();
        }

        @Override
        public Long timestamp() {
            return StreamElements.userTimestamp(timestamp);
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutput(outputTag, value);
        }

        @Override
        public long currentProcessingTime() {
            return timerService.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return KeyedBroadcastProcessOperator.this.currentWatermark();
        }

        @Override
        public <KB, VB> ReadOnlyBroadcastState<KB, VB> getBroadcastState(
                MapStateDescriptor<KB, VB> descriptor) {
            return store.getReadOnlyBroadcastState(descriptor);
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public K getCurrentKey() {
            return backend.getCurrentKey();
        }
    }

    private final class OnTimerContextImpl
            extends KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
        TimeDomain domain;

        OnTimerContextImpl(KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> f) {
            f.super();
        }

        @Override
        public Long timestamp() {
            return StreamElements.userTimestamp(timestamp);
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutput(outputTag, value);
        }

        @Override
        public long currentProcessingTime() {
            return timerService.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return KeyedBroadcastProcessOperator.this.currentWatermark();
        }

        @Override
        public <KB, VB> ReadOnlyBroadcastState<KB, VB> getBroadcastState(
                MapStateDescriptor<KB, VB> descriptor) {
            return store.getReadOnlyBroadcastState(descriptor);
        }

        @Override
        public TimerService timerService() {
            return timerService;
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
