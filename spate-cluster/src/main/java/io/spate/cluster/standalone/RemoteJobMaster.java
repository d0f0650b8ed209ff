package io.spate.cluster.standalone;

import io.spate.cluster.controlplane.ControlPlaneMessage;
import io.spate.cluster.controlplane.ControlPlaneMessage.AcknowledgeCheckpoint;
import io.spate.cluster.controlplane.ControlPlaneMessage.DeclineCheckpoint;
import io.spate.cluster.controlplane.ControlPlaneMessage.SourceExhausted;
import io.spate.cluster.controlplane.ControlPlaneMessage.UpdateTaskExecutionState;
import io.spate.cluster.gateway.JobMasterGateway;
import io.spate.cluster.messages.TaskExecutionState;
import io.spate.cluster.messages.TaskKey;
import io.spate.core.checkpoint.SubtaskStateHandle;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A TaskManager's {@link JobMasterGateway}: the reports of its subtasks go to the JobManager as
 * control-plane messages, where {@link RemoteTaskExecutor} hands them to the subtask's JobMaster.
 * Fire and forget: when the JobManager is gone the reports are dropped, and the subtasks are
 * cancelled anyway.
 */
final class RemoteJobMaster implements JobMasterGateway {
    private final Consumer<ControlPlaneMessage> send;

    RemoteJobMaster(Consumer<ControlPlaneMessage> send) {
        this.send = send;
    }

    @Override
    public CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState state) {
        send.accept(new UpdateTaskExecutionState(state));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> acknowledgeCheckpoint(
            TaskKey task, long checkpointId, Map<String, SubtaskStateHandle> states) {
        send.accept(new AcknowledgeCheckpoint(task, checkpointId, states));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> declineCheckpoint(
            TaskKey task, long checkpointId, String reason) {
        send.accept(new DeclineCheckpoint(task, checkpointId, reason));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> sourceExhausted(TaskKey task) {
        send.accept(new SourceExhausted(task));
        return CompletableFuture.completedFuture(null);
    }
}
