package io.spate.cluster.gateway;

import io.spate.cluster.messages.TaskExecutionState;
import io.spate.cluster.messages.TaskKey;
import io.spate.core.checkpoint.SubtaskStateHandle;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** How TaskExecutors report on the subtasks of a job. */
public interface JobMasterGateway {

    /** A subtask changed state; reports of an older attempt are ignored. */
    CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState state);

    /** A subtask wrote its state for a checkpoint: a handle per operator id. */
    CompletableFuture<Void> acknowledgeCheckpoint(
            TaskKey task, long checkpointId, Map<String, SubtaskStateHandle> states);

    /** A subtask could not take part in a checkpoint. */
    CompletableFuture<Void> declineCheckpoint(TaskKey task, long checkpointId, String reason);

    /** A source subtask read everything and waits for the job's final checkpoint. */
    CompletableFuture<Void> sourceExhausted(TaskKey task);
}
