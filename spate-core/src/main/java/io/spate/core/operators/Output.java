package io.spate.core.operators;

import io.spate.annotations.Internal;

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
}
