package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.eventtime.TimestampAssigner;
import io.spate.api.common.eventtime.WatermarkGenerator;
import io.spate.api.common.eventtime.WatermarkOutput;
import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.functions.Function;
import io.spate.api.execution.ExecutionOptions;
import java.time.Duration;

/**
 * Gives records event time and generates watermarks in the middle of a pipeline ({@code
 * assignTimestampsAndWatermarks}). Watermarks from upstream are dropped — this operator decides
 * event time from here on — except the final one at the end of a bounded input. Without input for
 * the idle timeout, the operator declares its output idle.
 */
@Internal
public final class TimestampsAndWatermarksOperator<T> extends AbstractStreamOperator<T, T>
        implements WatermarkOutput {
    private final WatermarkStrategy<T> strategy;
    private WatermarkGenerator<T> generator;
    private TimestampAssigner<T> assigner;
    private long intervalMillis;
    private long idleTimeoutMillis;
    private long emitted = Long.MIN_VALUE;
    private boolean idle;
    private boolean active;
    private long lastActivity;

    public TimestampsAndWatermarksOperator(WatermarkStrategy<T> strategy) {
        this.strategy = strategy;
    }

    @Override
    protected Function userFunction() {
        return null;
    }

    @Override
    public void open() throws Exception {
        super.open();
        generator = strategy.createWatermarkGenerator();
        assigner = strategy.getTimestampAssigner();
        intervalMillis =
                Math.max(
                        1,
                        context.jobConfiguration()
                                .get(ExecutionOptions.AUTO_WATERMARK_INTERVAL)
                                .toMillis());
        Duration idleTimeout = strategy.getIdleTimeout();
        if (idleTimeout == null) {
            idleTimeout = context.jobConfiguration().get(ExecutionOptions.WATERMARK_IDLE_TIMEOUT);
        }
        idleTimeoutMillis = strategy.isIdlenessDisabled() ? Long.MAX_VALUE : idleTimeout.toMillis();
        lastActivity = context.processingTimeService().currentProcessingTime();
        context.processingTimeService()
                .registerTimer(lastActivity + intervalMillis, this::onPeriodic);
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        long ts = assigner == null ? timestamp : assigner.extractTimestamp(value, timestamp);
        active = true;
        markActive();
        output.collect(value, ts);
        generator.onEvent(value, ts, this);
    }

    private void onPeriodic(long time) {
        if (emitted == StreamElements.MAX_WATERMARK) {
            return;
        }
        long now = context.processingTimeService().currentProcessingTime();
        generator.onPeriodicEmit(this);
        if (active) {
            active = false;
            lastActivity = now;
        } else if (now - lastActivity >= idleTimeoutMillis) {
            markIdle();
        }
        context.processingTimeService().registerTimer(now + intervalMillis, this::onPeriodic);
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        if (watermark == StreamElements.MAX_WATERMARK) {
            markActive();
            emitWatermark(watermark);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        if (watermark > emitted) {
            emitted = watermark;
            markActive();
            output.emitWatermark(watermark);
        }
    }

    @Override
    public void markIdle() {
        if (!idle) {
            idle = true;
            output.emitWatermarkStatus(WatermarkStatus.IDLE);
        }
    }

    @Override
    public void markActive() {
        if (idle) {
            idle = false;
            output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
        }
    }
}
