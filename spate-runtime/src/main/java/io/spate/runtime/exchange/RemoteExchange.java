package io.spate.runtime.exchange;

import io.spate.annotations.Internal;
import io.spate.annotations.ThreadSafe;
import io.spate.common.JobId;
import io.spate.common.serialization.TypeSerializer;

/**
 * The channels of exchanges whose two ends run in different processes. Batches travel serialized in
 * frames with credit-based flow control; control events travel in-band, in order with the records.
 * The producer's process connects to the consumer's; a consumer finds its channel by {@link
 * ChannelId}, whichever side is deployed first.
 */
@Internal
@ThreadSafe
public interface RemoteExchange {

    /** The address other processes reach this one's exchange at, {@code host:port}. */
    String address();

    /**
     * The producer end of a channel to a consumer subtask running in the process at {@code
     * consumerAddress}.
     */
    OutputChannel outputChannel(
            String consumerAddress, ChannelId id, TypeSerializer<Object> serializer);

    /** The consumer end of a channel whose producer runs in another process. */
    InputChannel inputChannel(ChannelId id, TypeSerializer<Object> serializer);

    /** Drops the channels of a job's run, once its tasks here are gone. */
    void release(JobId jobId, int attempt);
}
