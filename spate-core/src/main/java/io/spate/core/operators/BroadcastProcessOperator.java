package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Function;
import io.spate.api.common.state.BroadcastState;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ReadOnlyBroadcastState;
import io.spate.api.datastream.OutputTag;
import io.spate.api.functions.co.BroadcastProcessFunction;
import io.spate.core.state.BroadcastStateStore;
import java.util.List;

/**
 * Applies a {@link BroadcastProcessFunction}: the first input is a non-keyed stream, the second the
 * broadcast stream, whose every element reaches every subtask. Each subtask keeps its own copy of
 * the broadcast state in a {@link BroadcastStateStore}; the broadcast side writes it, the other
 * side reads it.
 */
@Internal
public final class BroadcastProcessOperator<IN1, IN2, OUT> extends AbstractStreamOperator<IN1, OUT>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {
    private final BroadcastProcessFunction<IN1, IN2, OUT> function;
    private final List<MapStateDescriptor<?, ?>> broadcastStates;
    private BroadcastStateStore store;
    private TimestampedCollector<OUT> collector;
    private ReadOnlyContextImpl readOnlyCtx;
    private ContextImpl ctx;
    private long timestamp;

    public BroadcastProcessOperator(
            BroadcastProcessFunction<IN1, IN2, OUT> function,
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
        collector = new TimestampedCollector<>(output);
        readOnlyCtx = new ReadOnlyContextImpl(function);
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
        function.processBroadcastElement(value, ctx, collector);
    }

    private <X> void sideOutput(OutputTag<X> tag, X value) {
        if (value == null) {
            throw new NullPointerException("A side output cannot carry null");
        }
        output.collect(tag, value, timestamp);
    }

    private final class ContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.Context {
        ContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> f) {
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
            return BroadcastProcessOperator.this.currentWatermark();
        }

        @Override
        public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
            return store.getBroadcastState(descriptor);
        }
    }

    private final class ReadOnlyContextImpl
            extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {
        ReadOnlyContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> f) {
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
            return BroadcastProcessOperator.this.currentWatermark();
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(
                MapStateDescriptor<K, V> descriptor) {
            return store.getReadOnlyBroadcastState(descriptor);
        }
    }
}
