package io.spate.runtime.task;

import io.spate.annotations.Internal;
import io.spate.annotations.NotThreadSafe;
import io.spate.core.operators.Output;
import io.spate.core.operators.StreamElements;
import io.spate.core.operators.WatermarkStatus;

/**
 * Combines the watermarks of a subtask's input channels: the subtask's event time is the minimum
 * over the channels that are not idle. A watermark lower than a channel's previous one is ignored;
 * a channel that has ended counts as having reached the end of time. When every channel is idle the
 * subtask's output becomes idle too, and active again when one of them is.
 *
 * <p>Used by the subtask's thread only; the test driver reuses it to show what an operator
 * downstream of a captured stream would see.
 */
@Internal
@NotThreadSafe
public final class WatermarkValve {
    private final long[] watermarks;
    private final boolean[] idle;
    private final Output<Object> output;
    private long emitted = Long.MIN_VALUE;
    private boolean outputIdle;

    public WatermarkValve(int channels, Output<Object> output) {
        this.watermarks = new long[channels];
        this.idle = new boolean[channels];
        this.output = output;
        java.util.Arrays.fill(watermarks, Long.MIN_VALUE);
    }

    public void onWatermark(int channel, long watermark) {
        if (idle[channel]) {
            idle[channel] = false;
        }
        if (watermark > watermarks[channel]) {
            watermarks[channel] = watermark;
        }
        advance();
    }

    public void onIdle(int channel) {
        idle[channel] = true;
        advance();
    }

    public void onActive(int channel) {
        idle[channel] = false;
        advance();
    }

    public void onEnd(int channel) {
        idle[channel] = false;
        watermarks[channel] = StreamElements.MAX_WATERMARK;
        advance();
    }

    /** The watermark the subtask has reached. */
    public long current() {
        return emitted;
    }

    private void advance() {
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (!idle[i]) {
                anyActive = true;
                min = Math.min(min, watermarks[i]);
            }
        }
        if (!anyActive) {
            if (!outputIdle) {
                outputIdle = true;
                output.emitWatermarkStatus(WatermarkStatus.IDLE);
            }
            return;
        }
        if (outputIdle) {
            outputIdle = false;
            output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
        }
        if (min > emitted) {
            emitted = min;
            output.emitWatermark(min);
        }
    }
}
