package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.functions.TimerService;
import java.util.function.LongSupplier;

/** The {@link TimerService} of a function on a non-keyed stream: time, but no timers. */
@Internal
public final class NonKeyedTimerService implements TimerService {
    private final OperatorContext context;
    private final LongSupplier watermark;

    public NonKeyedTimerService(OperatorContext context, LongSupplier watermark) {
        this.context = context;
        this.watermark = watermark;
    }

    @Override
    public long currentProcessingTime() {
        return context.processingTimeService().currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return watermark.getAsLong();
    }

    private UnsupportedOperationException noTimers() {
        return new UnsupportedOperationException(
                "Operator '"
                        + context.operatorName()
                        + "' runs on a non-keyed stream, where timers are not available: apply"
                        + " keyBy(...) first and use a KeyedProcessFunction");
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        throw noTimers();
    }

    @Override
    public void registerEventTimeTimer(long time) {
        throw noTimers();
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        throw noTimers();
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        throw noTimers();
    }
}
