package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Function;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.functions.RichFunction;
import io.spate.api.common.state.CheckpointListener;
import io.spate.api.common.state.CheckpointedFunction;
import io.spate.api.common.state.FunctionInitializationContext;
import io.spate.api.common.state.FunctionSnapshotContext;
import io.spate.api.common.state.OperatorStateStore;
import io.spate.core.checkpoint.KeyGroupedPart;
import io.spate.core.checkpoint.OperatorListState;
import io.spate.core.state.KeyedStateBackend;
import io.spate.core.state.OperatorStateStoreImpl;
import io.spate.core.timers.InternalTimerService;
import io.spate.core.timers.Triggerable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The base of the built-in operators: keeps the context and output, opens and closes the user
 * function when it is a {@link RichFunction}, tracks the current watermark and fires the operator's
 * event-time timers when the watermark passes them, before forwarding it.
 */
@Internal
public abstract class AbstractStreamOperator<IN, OUT> implements StreamOperator<IN, OUT> {
    private static final OpenContext OPEN_CONTEXT = new OpenContext() {};

    protected OperatorContext context;
    protected Output<OUT> output;
    private boolean functionOpened;
    private long currentWatermark = Long.MIN_VALUE;
    private final List<InternalTimerService<?, ?>> timerServices = new ArrayList<>();

    private OperatorStateRestore restore = OperatorStateRestore.NONE;
    private OperatorStateStoreImpl operatorState;

    @Override
    public void setup(OperatorContext context, Output<OUT> output) {
        this.context = context;
        this.output = output;
        Function f = userFunction();
        if (f instanceof RichFunction) {
            ((RichFunction) f).setRuntimeContext(new StreamingRuntimeContext(context));
        }
    }

    @Override
    public void initializeState(OperatorStateRestore restore) throws Exception {
        this.restore = restore;
        Function f = userFunction();
        if (f instanceof CheckpointedFunction) {
            ((CheckpointedFunction) f)
                    .initializeState(
                            new FunctionInitializationContext() {
                                @Override
                                public boolean isRestored() {
                                    return restore.isRestored();
                                }

                                @Override
                                public OperatorStateStore getOperatorStateStore() {
                                    return operatorStateStore();
                                }
                            });
        }
    }

    /** The operator's own non-keyed state, restored from the checkpoint when there is one. */
    protected OperatorStateStoreImpl operatorStateStore() {
        if (operatorState == null) {
            operatorState =
                    new OperatorStateStoreImpl(
                            context.operatorName(), context.serializers(), restore.operatorState());
        }
        return operatorState;
    }

    /** What the operator was restored from ({@link OperatorStateRestore#NONE} on a fresh start). */
    protected OperatorStateRestore restoredState() {
        return restore;
    }

    /** Whether the operator was restored from a checkpoint that had state for it. */
    protected boolean isRestored() {
        return restore.isRestored();
    }

    @Override
    public OperatorSnapshot snapshotState(long checkpointId, long timestamp) throws Exception {
        Function f = userFunction();
        if (f instanceof CheckpointedFunction) {
            ((CheckpointedFunction) f)
                    .snapshotState(
                            new FunctionSnapshotContext() {
                                @Override
                                public long getCheckpointId() {
                                    return checkpointId;
                                }

                                @Override
                                public long getCheckpointTimestamp() {
                                    return timestamp;
                                }
                            });
        }
        List<KeyGroupedPart> parts = new ArrayList<>(timerServices.size());
        for (int i = 0; i < timerServices.size(); i++) {
            parts.add(timerServices.get(i).snapshot(timerPartName(i)));
        }
        Map<String, OperatorListState> lists =
                operatorState == null ? restore.operatorState() : operatorState.snapshot();
        return new OperatorSnapshot(parts, lists);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (userFunction() instanceof CheckpointListener) {
            ((CheckpointListener) userFunction()).notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        if (userFunction() instanceof CheckpointListener) {
            ((CheckpointListener) userFunction()).notifyCheckpointAborted(checkpointId);
        }
    }

    private static String timerPartName(int index) {
        return "timers-" + index;
    }

    /** The user function, or {@code null} for operators without one. */
    protected abstract Function userFunction();

    @Override
    public void open() throws Exception {
        Function f = userFunction();
        if (f instanceof RichFunction) {
            ((RichFunction) f).open(OPEN_CONTEXT);
            functionOpened = true;
        }
    }

    @Override
    public void close() throws Exception {
        if (functionOpened) {
            functionOpened = false;
            ((RichFunction) userFunction()).close();
        }
    }

    @Override
    public Output<OUT> output() {
        return output;
    }

    /** The highest watermark this operator has received. */
    public long currentWatermark() {
        return currentWatermark;
    }

    /** The operator's keyed state; throws when the operator is not on a keyed stream. */
    protected <K> KeyedStateBackend<K> keyedStateBackend() {
        KeyedStateBackend<K> backend = context.keyedStateBackend();
        if (backend == null) {
            throw new IllegalStateException(
                    "Operator '"
                            + context.operatorName()
                            + "' needs a keyed stream: apply it after keyBy(...)");
        }
        return backend;
    }

    /**
     * A timer service for this operator's keys, calling {@code target} when timers fire. Only on
     * keyed streams.
     */
    protected <K, N> InternalTimerService<K, N> createTimerService(Triggerable<K, N> target) {
        InternalTimerService<K, N> service =
                new InternalTimerService<>(
                        keyedStateBackend(), context.processingTimeService(), target);
        // Timer services are named by the order they are created in, which is the same on every
        // run of the same operator, so that restored timers find their service.
        for (OperatorStateRestore.KeyGroupData data :
                restore.keyedPart(timerPartName(timerServices.size()))) {
            try {
                service.restoreKeyGroup(data.data());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(
                        "Cannot restore the timers of '" + context.operatorName() + "'", e);
            }
        }
        timerServices.add(service);
        return service;
    }

    /** Fires the event-time timers the watermark passes, then forwards the watermark. */
    @Override
    public void processWatermark(long watermark) throws Exception {
        if (watermark <= currentWatermark) {
            return;
        }
        currentWatermark = watermark;
        for (InternalTimerService<?, ?> service : timerServices) {
            service.advanceWatermark(watermark);
        }
        output.emitWatermark(watermark);
    }
}
