package io.spate.api.windowing.evictors;

import io.spate.annotations.Public;

/**
 * An element of a window together with its timestamp, as {@link Evictor}s see them. The timestamp
 * is {@code Long.MIN_VALUE} when the element has none.
 *
 * @param value the element
 * @param timestamp its timestamp
 * @param <T> the element type
 */
@Public
public record TimestampedValue<T>(T value, long timestamp) {

    public T getValue() {
        return value;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public boolean hasTimestamp() {
        return timestamp != Long.MIN_VALUE;
    }
}
