package io.spate.api.common.eventtime;

import io.spate.annotations.Public;
import java.io.Serializable;

/**
 * Gives each record its event time, in milliseconds since the epoch.
 *
 * @param <T> the record type
 */
@Public
@FunctionalInterface
public interface TimestampAssigner<T> extends Serializable {

    /** The value {@code recordTimestamp} has when the record carries no timestamp yet. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    /**
     * The record's event time.
     *
     * @param recordTimestamp the timestamp the record already has (from its source), or {@link
     *     #NO_TIMESTAMP}
     */
    long extractTimestamp(T element, long recordTimestamp);
}
