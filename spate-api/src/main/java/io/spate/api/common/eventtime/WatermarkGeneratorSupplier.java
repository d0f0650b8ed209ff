package io.spate.api.common.eventtime;

import io.spate.annotations.Public;
import java.io.Serializable;

/** Creates a {@link WatermarkGenerator} for each split or subtask that needs one. */
@Public
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {
    WatermarkGenerator<T> createWatermarkGenerator();
}
