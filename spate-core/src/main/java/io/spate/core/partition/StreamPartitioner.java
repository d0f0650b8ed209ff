package io.spate.core.partition;

import io.spate.annotations.Internal;
import io.spate.annotations.NotThreadSafe;

/**
 * Chooses, for each record an upstream subtask emits on an exchange, which of its output channels
 * receives it. Channels are numbered {@code 0 .. targets.length - 1} in the order of {@link
 * ExchangePattern#targets}. One instance per upstream subtask, used by its thread only.
 *
 * @param <T> the record type
 */
@Internal
@NotThreadSafe
public interface StreamPartitioner<T> {

    /** Returned by {@link #selectChannel} when the record goes to every channel. */
    int ALL_CHANNELS = -1;

    /** The channel of {@code record}, or {@link #ALL_CHANNELS}. */
    int selectChannel(T record) throws Exception;
}
