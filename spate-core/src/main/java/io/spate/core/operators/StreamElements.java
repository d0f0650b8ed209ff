package io.spate.core.operators;

import io.spate.annotations.Internal;

/** Constants of the stream's element model. */
@Internal
public final class StreamElements {
    private StreamElements() {}

    /** The timestamp of an element that has none. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    /** The watermark that ends event time: every timer and window fires. */
    public static final long MAX_WATERMARK = Long.MAX_VALUE;

    /** The timestamp as user code sees it: {@code null} when there is none. */
    public static Long userTimestamp(long timestamp) {
        return timestamp == NO_TIMESTAMP ? null : timestamp;
    }
}
