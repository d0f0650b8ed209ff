package io.spate.api.connector.sink;

import io.spate.annotations.Public;

/**
 * Writes the records of one sink subtask.
 *
 * <p>Called only by the subtask's own thread: {@link #write} for every record in order, {@link
 * #flush} with {@code endOfInput = true} once when the input ends (a bounded job), and {@link
 * #close} last — also after a failure or cancellation.
 *
 * <p>A writer that cannot take more records right now (its downstream is slow) says so with {@link
 * #isBackpressured()} instead of blocking: the runtime stops feeding it and asks again later, which
 * slows the whole pipeline down to the writer's pace without blocking a thread.
 *
 * @param <T> the record type
 */
@Public
public interface SinkWriter<T> extends AutoCloseable {

    void write(T element, Context context) throws Exception;

    /**
     * Pushes buffered records towards their destination. With {@code endOfInput}, no more records
     * will come; the runtime calls it again while {@link #isBackpressured()} stays true.
     */
    void flush(boolean endOfInput) throws Exception;

    /** Whether the writer wants no more records for now. */
    default boolean isBackpressured() {
        return false;
    }

    @Override
    void close() throws Exception;

    /** What {@link #write} knows about the record; valid only during that call. */
    interface Context {
        /** The record's timestamp, or {@code null} when it has none. */
        Long timestamp();
    }
}
