package io.spate.runtime.task;

import io.spate.annotations.Internal;
import io.spate.api.connector.sink.ClientChannel;
import io.spate.common.serialization.TypeSerializer;
import io.spate.common.time.Clock;
import io.spate.core.state.StateBackend;
import io.spate.runtime.exchange.ChannelId;
import io.spate.runtime.exchange.InputChannel;
import io.spate.runtime.exchange.LocalExchange;
import io.spate.runtime.exchange.OutputChannel;
import io.spate.runtime.exchange.RemoteExchange;
import java.util.function.Function;

/**
 * The services of the process a subtask runs in.
 *
 * @param clock processing time
 * @param exchange the in-process channels
 * @param stateBackend the keyed state backend factory
 * @param userClassLoader loads the job's classes
 * @param clientChannels the channels back to the job's client, by id
 * @param batchSize records per batch in exchanges
 * @param recordsPerCall how many input records a tasklet handles in one call at most
 * @param checkpoints where the subtask reports on checkpoints
 * @param snapshotIo runs the asynchronous part of snapshots (writing files)
 * @param remoteExchange the channels to subtasks in other processes; null when every subtask of the
 *     job runs in this process
 */
@Internal
public record TaskEnvironment(
        Clock clock,
        LocalExchange exchange,
        StateBackend stateBackend,
        ClassLoader userClassLoader,
        Function<String, ClientChannel> clientChannels,
        int batchSize,
        int recordsPerCall,
        CheckpointResponder checkpoints,
        java.util.concurrent.Executor snapshotIo,
        RemoteExchange remoteExchange) {

    /** The services of a process that runs every subtask of its jobs itself. */
    public TaskEnvironment(
            Clock clock,
            LocalExchange exchange,
            StateBackend stateBackend,
            ClassLoader userClassLoader,
            Function<String, ClientChannel> clientChannels,
            int batchSize,
            int recordsPerCall,
            CheckpointResponder checkpoints,
            java.util.concurrent.Executor snapshotIo) {
        this(
                clock,
                exchange,
                stateBackend,
                userClassLoader,
                clientChannels,
                batchSize,
                recordsPerCall,
                checkpoints,
                snapshotIo,
                null);
    }

    /** The producer end of a channel to {@code consumerAddress}, or local when that is null. */
    @SuppressWarnings("unchecked")
    public OutputChannel outputChannel(
            ChannelId id, String consumerAddress, TypeSerializer<?> serializer) {
        if (consumerAddress == null) {
            return exchange.output(id);
        }
        return remote(id).outputChannel(consumerAddress, id, (TypeSerializer<Object>) serializer);
    }

    /** The consumer end of a channel from a producer at {@code producerAddress} (null: local). */
    @SuppressWarnings("unchecked")
    public InputChannel inputChannel(
            ChannelId id, String producerAddress, TypeSerializer<?> serializer) {
        if (producerAddress == null) {
            return exchange.input(id);
        }
        return remote(id).inputChannel(id, (TypeSerializer<Object>) serializer);
    }

    private RemoteExchange remote(ChannelId id) {
        if (remoteExchange == null) {
            throw new IllegalStateException(
                    "Channel "
                            + id
                            + " crosses processes, but this process has no remote exchange");
        }
        return remoteExchange;
    }
}
