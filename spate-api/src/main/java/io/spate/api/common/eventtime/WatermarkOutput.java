package io.spate.api.common.eventtime;

import io.spate.annotations.Public;

/** Where a {@link WatermarkGenerator} emits. */
@Public
public interface WatermarkOutput {
    /**
     * Declares that no record with a timestamp at or below {@code watermark} will follow. A
     * watermark lower than one already emitted is ignored.
     */
    void emitWatermark(long watermark);

    /** Declares this input idle: it stops holding back the watermark until it emits again. */
    void markIdle();

    /** Declares this input active again (emitting a watermark does this too). */
    void markActive();
}
