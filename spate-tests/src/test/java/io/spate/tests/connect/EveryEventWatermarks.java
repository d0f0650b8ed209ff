package io.spate.tests.connect;

import io.spate.api.common.eventtime.TimestampAssigner;
import io.spate.api.common.eventtime.WatermarkGenerator;
import io.spate.api.common.eventtime.WatermarkOutput;
import io.spate.api.common.eventtime.WatermarkStrategy;

/**
 * A punctuated watermark generator for tests: after every record, the highest timestamp seen minus
 * the disorder bound minus 1. Watermarks then advance all through a test's input instead of only at
 * its end, which exercises timers and cleanup while records still arrive.
 */
final class EveryEventWatermarks<T> implements WatermarkGenerator<T> {
    private final long bound;
    private long max = Long.MIN_VALUE;

    EveryEventWatermarks(long bound) {
        this.bound = bound;
    }

    /** Timestamps from {@code assigner}, a watermark after every record. */
    static <T> WatermarkStrategy<T> strategy(long bound, TimestampAssigner<T> assigner) {
        return WatermarkStrategy.<T>forGenerator(() -> new EveryEventWatermarks<>(bound))
                .withTimestampAssigner(assigner);
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        if (eventTimestamp > max) {
            max = eventTimestamp;
            output.emitWatermark(max - bound - 1);
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
}
