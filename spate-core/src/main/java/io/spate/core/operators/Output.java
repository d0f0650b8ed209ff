package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.datastream.OutputTag;

/**
 * Where an operator emits: the next operator of its chain (a method call), or the writer of an
 * exchange to other subtasks. Called only by the thread that owns the subtask.
 *
 * @param <T> the element type
 */
@Internal
public interface Output<T> {
    /** Emits an element with its timestamp ({@link StreamElements#NO_TIMESTAMP} when none). */
    void collect(T record, long timestamp);

    /** Emits a watermark: no element with a smaller timestamp will follow. */
    void emitWatermark(long watermark);

    /** Tells downstream operators whether this stream holds back event time. */
    void emitWatermarkStatus(WatermarkStatus status);

    /**
     * Emits to the side output named by {@code tag}; dropped when nothing reads that side output.
     * Only an operator's own output routes side outputs; the outputs inside the runtime do not.
     */
    default <X> void collect(OutputTag<X> tag, X record, long timestamp) {
        throw new UnsupportedOperationException("This output does not route side outputs");
    }
}
