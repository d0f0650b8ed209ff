package io.spate.cluster.gateway;

import io.spate.cluster.messages.TaskExecutionState;
import java.util.concurrent.CompletableFuture;

/** How TaskExecutors report on the subtasks of a job. */
public interface JobMasterGateway {

    /** A subtask changed state; reports of an older attempt are ignored. */
    CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState state);
}
