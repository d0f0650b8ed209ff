package io.spate.runtime.exchange;

import io.spate.annotations.Internal;

/**
 * The consumer end of one channel of an exchange, read by the consumer subtask's thread only: an
 * in-process queue ({@link LocalExchange}) or the frames of a remote producer ({@link
 * RemoteExchange}).
 */
@Internal
public interface InputChannel {

    /**
     * The next item, a {@link RecordBatch} or a {@link ControlEvent}, in the order the producer
     * sent them; {@code null} when none is there yet.
     *
     * @throws RuntimeException when the channel broke (its producer's process went away before the
     *     end of input): the subtask fails
     */
    Object poll();
}
