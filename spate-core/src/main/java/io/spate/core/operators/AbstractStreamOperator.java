package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Function;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.functions.RichFunction;
import io.spate.core.state.KeyedStateBackend;
import io.spate.core.timers.InternalTimerService;
import io.spate.core.timers.Triggerable;
import java.util.ArrayList;
import java.util.List;

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

    @Override
    public void setup(OperatorContext context, Output<OUT> output) {
        this.context = context;
        this.output = output;
    }

    /** The user function, or {@code null} for operators without one. */
    protected abstract Function userFunction();

    @Override
    public void open() throws Exception {
        Function f = userFunction();
        if (f instanceof RichFunction) {
            RichFunction rich = (RichFunction) f;
            rich.setRuntimeContext(new StreamingRuntimeContext(context));
            rich.open(OPEN_CONTEXT);
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
