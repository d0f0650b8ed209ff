package io.spate.api.common.eventtime;

import io.spate.annotations.Public;
import java.time.Duration;

/**
 * Periodic watermarks for records that arrive at most {@code bound} later than a record with a
 * higher timestamp: the watermark is the highest timestamp seen minus the bound minus 1 ms.
 *
 * @param <T> the record type
 */
@Public
public class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {
    private final long bound;
    private long maxTimestamp;

    public BoundedOutOfOrdernessWatermarks(Duration bound) {
        if (bound.isNegative()) {
            throw new IllegalArgumentException("The out-of-orderness bound must not be negative");
        }
        this.bound = bound.toMillis();
        // Start so low that the first periodic emission cannot overflow.
        this.maxTimestamp = Long.MIN_VALUE + this.bound + 1;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(maxTimestamp - bound - 1);
    }
}
