package io.spate.runtime.exchange;

import io.spate.annotations.Internal;

/**
 * The producer end of one channel of an exchange, written by the producer subtask's thread only: an
 * in-process queue ({@link LocalExchange}) or a connection to the consumer's process ({@link
 * RemoteExchange}). Never blocks.
 */
@Internal
public interface OutputChannel {

    /**
     * Hands over a {@link RecordBatch} or a {@link ControlEvent}; the caller must not change it
     * afterwards.
     *
     * @return {@code false} when the channel has no room now (a full queue, no credit, a connection
     *     still being made): nothing was taken, offer it again later
     * @throws RuntimeException when the channel broke: the subtask fails
     */
    boolean offer(Object item);
}
