package io.spate.runtime.task;

import io.spate.annotations.Internal;
import io.spate.api.connector.sink.ClientChannel;
import io.spate.common.time.Clock;
import io.spate.core.state.StateBackend;
import io.spate.runtime.exchange.LocalExchange;
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
        java.util.concurrent.Executor snapshotIo) {}
