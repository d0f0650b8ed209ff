package io.spate.nexmark;

import io.spate.annotations.Public;
import io.spate.api.common.eventtime.WatermarkGenerator;
import io.spate.api.common.eventtime.WatermarkOutput;
import io.spate.nexmark.model.Event;

/**
 * The watermarks of SPEC §1.4, per split: the highest event time seen minus 4000 ms (Flink SQL's
 * {@code WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND}), emitted periodically; nothing
 * before the first event. A split emits its events in non-decreasing event time, so no event is
 * ever late.
 */
@Public
public final class NexmarkWatermarks implements WatermarkGenerator<Event> {
    /** How far the watermark trails the highest event time seen, in milliseconds. */
    public static final long DELAY_MILLIS = 4000;

    private long maxTimestamp = Long.MIN_VALUE;

    @Override
    public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
        if (eventTimestamp > maxTimestamp) {
            maxTimestamp = eventTimestamp;
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (maxTimestamp != Long.MIN_VALUE) {
            output.emitWatermark(maxTimestamp - DELAY_MILLIS);
        }
    }
}
