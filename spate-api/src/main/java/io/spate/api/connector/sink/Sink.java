package io.spate.api.connector.sink;

import io.spate.annotations.Public;
import java.io.Serializable;

/**
 * Where a stream's records leave the job. The sink object is part of the job description; each
 * subtask writes through its own {@link SinkWriter}.
 *
 * @param <T> the record type
 */
@Public
public interface Sink<T> extends Serializable {

    SinkWriter<T> createWriter(SinkWriterContext context) throws Exception;

    /**
     * Whether writers block in {@link SinkWriter#write} (on I/O, say). A blocking sink's subtasks
     * each get a thread of their own instead of sharing the worker threads.
     */
    default boolean isBlocking() {
        return false;
    }
}
