package io.spate.api.common.eventtime;

import io.spate.annotations.Public;

/**
 * Decides when event time has progressed. Called by the thread that owns the source subtask (or the
 * timestamp assigner operator): {@link #onEvent} for every record, in order, and {@link
 * #onPeriodicEmit} every {@code pipeline.auto-watermark-interval} (200 ms by default). A punctuated
 * generator emits from {@code onEvent}; a periodic one from {@code onPeriodicEmit}.
 *
 * <p>Sources keep one generator per split, so that each partition's disorder is judged on its own,
 * and combine them: the source's watermark is the minimum over its active splits.
 *
 * @param <T> the record type
 */
@Public
public interface WatermarkGenerator<T> {

    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    void onPeriodicEmit(WatermarkOutput output);
}
