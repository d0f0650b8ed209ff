package io.spate.api.connector.source;

import io.spate.annotations.Public;

/**
 * Where a reader emits the records of one split (or of all its splits, through {@link
 * ReaderOutput}). Valid only during {@link SourceReader#pollNext}.
 *
 * @param <T> the record type
 */
@Public
public interface SourceOutput<T> {
    /** Emits a record without a timestamp of its own (the timestamp assigner may give it one). */
    void collect(T record);

    /** Emits a record with its timestamp (milliseconds since the epoch). */
    void collect(T record, long timestamp);
}
