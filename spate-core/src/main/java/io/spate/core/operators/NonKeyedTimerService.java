package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.functions.TimerService;
import java.util.function.LongSupplier;

/** The {@link TimerService} of a function on a non-keyed stream: time, but no timers. */
@Internal
public final class NonKeyedTimerService implements TimerService {
    private final OperatorContext context;
    private final LongSupplier watermark;
    private final String why;

    public NonKeyedTimerService(OperatorContext context, LongSupplier watermark) {
        this(
                context,
                watermark,
                "runs on a non-keyed stream, where timers are not available: apply keyBy(...)"
                        + " first and use a KeyedProcessFunction");
    }

    /**
     * A timer service that refuses timers saying that operator {@code context.operatorName()}
     * {@code why} (for example "runs on non-keyed streams, where timers are not available: ...").
     */
    public NonKeyedTimerService(OperatorContext context, LongSupplier watermark, String why) {
        this.context = context;
        this.watermark = watermark;
        this.why = why;
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
                "Operator '" + context.operatorName() + "' " + why);
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
