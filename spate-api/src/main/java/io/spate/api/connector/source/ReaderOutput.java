package io.spate.api.connector.source;

import io.spate.annotations.Public;

/**
 * Where a reader emits records during {@link SourceReader#pollNext}. Valid only during that call.
 *
 * @param <T> the record type
 */
@Public
public interface ReaderOutput<T> {
    /** Emits a record without a timestamp of its own. */
    void collect(T record);

    /** Emits a record with its event timestamp (milliseconds since the epoch). */
    void collect(T record, long timestamp);
}
