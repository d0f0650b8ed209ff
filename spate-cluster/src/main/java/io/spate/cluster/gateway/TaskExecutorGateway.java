package io.spate.cluster.gateway;

import io.spate.cluster.messages.CheckpointTrigger;
import io.spate.cluster.messages.TaskKey;
import io.spate.cluster.messages.TaskMetricsReport;
import io.spate.common.JobId;
import io.spate.runtime.task.TaskDeployment;
import java.util.concurrent.CompletableFuture;

/** How the JobManager deploys, cancels and observes subtasks on a TaskExecutor. */
public interface TaskExecutorGateway {

    /**
     * Starts a subtask; its state changes are reported to {@code jobMaster}. Completes when the
     * subtask is accepted.
     */
    CompletableFuture<Void> submitTask(TaskDeployment deployment, JobMasterGateway jobMaster);

    /** Cancels a subtask if it still runs; completes when the request is accepted. */
    CompletableFuture<Void> cancelTask(TaskKey task);

    /** Starts a checkpoint at a source subtask; fails when the subtask does not run there. */
    CompletableFuture<Void> triggerCheckpoint(TaskKey task, CheckpointTrigger trigger);

    /** Tells a subtask that a checkpoint completed. */
    CompletableFuture<Void> notifyCheckpointComplete(TaskKey task, long checkpointId);

    /** Tells a subtask that a checkpoint was aborted. */
    CompletableFuture<Void> notifyCheckpointAborted(TaskKey task, long checkpointId);

    /** The record totals of the job's subtasks still running here. */
    CompletableFuture<TaskMetricsReport> requestMetrics(JobId jobId);
}
