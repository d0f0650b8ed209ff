package io.spate.cluster.standalone;

import io.spate.cluster.controlplane.ControlPlaneMessage;
import io.spate.cluster.controlplane.ControlPlaneMessage.AcknowledgeCheckpoint;
import io.spate.cluster.controlplane.ControlPlaneMessage.CancelTask;
import io.spate.cluster.controlplane.ControlPlaneMessage.DeclineCheckpoint;
import io.spate.cluster.controlplane.ControlPlaneMessage.MetricsResponse;
import io.spate.cluster.controlplane.ControlPlaneMessage.NotifyCheckpointAborted;
import io.spate.cluster.controlplane.ControlPlaneMessage.NotifyCheckpointComplete;
import io.spate.cluster.controlplane.ControlPlaneMessage.RequestMetrics;
import io.spate.cluster.controlplane.ControlPlaneMessage.SourceExhausted;
import io.spate.cluster.controlplane.ControlPlaneMessage.SubmitTask;
import io.spate.cluster.controlplane.ControlPlaneMessage.SubmitTaskResponse;
import io.spate.cluster.controlplane.ControlPlaneMessage.TriggerCheckpoint;
import io.spate.cluster.controlplane.ControlPlaneMessage.UpdateTaskExecutionState;
import io.spate.cluster.controlplane.TaskManagerId;
import io.spate.cluster.gateway.JobMasterGateway;
import io.spate.cluster.gateway.TaskExecutorGateway;
import io.spate.cluster.messages.CheckpointTrigger;
import io.spate.cluster.messages.ExecutionState;
import io.spate.cluster.messages.TaskExecutionState;
import io.spate.cluster.messages.TaskKey;
import io.spate.cluster.messages.TaskMetricsReport;
import io.spate.common.JobId;
import io.spate.runtime.task.TaskDeployment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The JobManager's {@link TaskExecutorGateway} onto a TaskExecutor in a TaskManager process: every
 * call becomes a control-plane message on that TaskManager's connection, and the TaskManager's
 * reports on its subtasks come back through {@link #onMessage}, which hands them to the JobMaster
 * that deployed the subtask.
 *
 * <p>Requests that expect an answer (a deployment, a metrics request) carry a request id and fail
 * after {@code timeoutMillis}. When the TaskManager is lost, {@link #lost} reports every subtask
 * still running there as FAILED, so that its job fails over, and fails the open requests.
 *
 * <p>Threads: gateway calls come from the JobManager's main thread, messages and the loss from the
 * resource-manager endpoint's control thread; the few shared maps are guarded by this object.
 */
final class RemoteTaskExecutor implements TaskExecutorGateway {
    private final TaskManagerId id;
    private final String description;
    private final Consumer<ControlPlaneMessage> send;
    private final JobArtifacts artifacts;
    private final ControlThread timer;
    private final long timeoutMillis;

    private static final byte[] NO_GRAPH = new byte[0];

    private final Map<TaskKey, JobMasterGateway> tasks = new HashMap<>();

    /** The jobs whose graph this TaskManager has been sent. */
    private final Set<JobId> graphSent = new HashSet<>();

    private final Map<Long, CompletableFuture<Object>> requests = new HashMap<>();
    private long nextRequest;
    private String lostReason;

    RemoteTaskExecutor(
            TaskManagerId id,
            String description,
            Consumer<ControlPlaneMessage> send,
            JobArtifacts artifacts,
            ControlThread timer,
            long timeoutMillis) {
        this.id = id;
        this.description = description;
        this.send = send;
        this.artifacts = artifacts;
        this.timer = timer;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public CompletableFuture<Void> submitTask(
            TaskDeployment deployment, JobMasterGateway jobMaster) {
        TaskKey key = TaskKey.of(deployment);
        byte[] graph;
        byte[] splits;
        try {
            graph = artifacts.jobGraphBytes(deployment.jobId(), deployment.jobGraph());
            splits = JobArtifacts.serializeSplits(deployment.splits());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Object> answer;
        synchronized (this) {
            if (lostReason != null) {
                return CompletableFuture.failedFuture(lostException());
            }
            tasks.put(key, jobMaster);
            answer = newRequest();
            // The graph goes with the job's first subtask only; the TaskManager keeps it for the
            // others. Sent under the lock, so that the first one sent is the one that has it.
            boolean first = graphSent.add(deployment.jobId());
            send.accept(
                    new SubmitTask(
                            requestIdOf(answer),
                            key,
                            artifacts.artifactIdOf(deployment.jobId()),
                            first ? graph : NO_GRAPH,
                            splits,
                            deployment.restore(),
                            deployment.locations()));
        }
        return answer.thenApply(
                error -> {
                    if (error != null) {
                        throw new IllegalStateException(
                                "TaskManager "
                                        + id
                                        + " refused "
                                        + deployment.taskName()
                                        + ": "
                                        + error);
                    }
                    return null;
                });
    }

    @Override
    public CompletableFuture<Void> cancelTask(TaskKey task) {
        synchronized (this) {
            if (lostReason != null) {
                // lost() reported every subtask there as failed already
                return CompletableFuture.completedFuture(null);
            }
        }
        send.accept(new CancelTask(task));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> triggerCheckpoint(TaskKey task, CheckpointTrigger trigger) {
        send.accept(new TriggerCheckpoint(task, trigger));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> notifyCheckpointComplete(TaskKey task, long checkpointId) {
        send.accept(new NotifyCheckpointComplete(task, checkpointId));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> notifyCheckpointAborted(TaskKey task, long checkpointId) {
        send.accept(new NotifyCheckpointAborted(task, checkpointId));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<TaskMetricsReport> requestMetrics(JobId jobId) {
        CompletableFuture<Object> answer;
        synchronized (this) {
            if (lostReason != null) {
                return CompletableFuture.completedFuture(TaskMetricsReport.EMPTY);
            }
            answer = newRequest();
        }
        send.accept(new RequestMetrics(requestIdOf(answer), jobId));
        return answer.thenApply(TaskMetricsReport.class::cast);
    }

    /** A message from the TaskManager about its subtasks; false when it is not one of those. */
    boolean onMessage(ControlPlaneMessage message) {
        if (message instanceof UpdateTaskExecutionState m) {
            TaskExecutionState state = m.state();
            JobMasterGateway jm;
            synchronized (this) {
                jm =
                        state.state().isTerminal()
                                ? tasks.remove(state.task())
                                : tasks.get(state.task());
            }
            if (jm != null) {
                jm.updateTaskExecutionState(state);
            }
        } else if (message instanceof AcknowledgeCheckpoint m) {
            JobMasterGateway jm = jobMasterOf(m.task());
            if (jm != null) {
                jm.acknowledgeCheckpoint(m.task(), m.checkpointId(), m.states());
            }
        } else if (message instanceof DeclineCheckpoint m) {
            JobMasterGateway jm = jobMasterOf(m.task());
            if (jm != null) {
                jm.declineCheckpoint(m.task(), m.checkpointId(), m.reason());
            }
        } else if (message instanceof SourceExhausted m) {
            JobMasterGateway jm = jobMasterOf(m.task());
            if (jm != null) {
                jm.sourceExhausted(m.task());
            }
        } else if (message instanceof SubmitTaskResponse m) {
            complete(m.requestId(), m.error());
        } else if (message instanceof MetricsResponse m) {
            complete(m.requestId(), m.report());
        } else {
            return false;
        }
        return true;
    }

    /**
     * The TaskManager is gone: its subtasks are reported FAILED to their JobMasters, open requests
     * fail, and later calls fail at once.
     */
    void lost(String reason) {
        Map<TaskKey, JobMasterGateway> orphans;
        List<CompletableFuture<Object>> open;
        synchronized (this) {
            if (lostReason != null) {
                return;
            }
            lostReason = reason;
            orphans = new HashMap<>(tasks);
            tasks.clear();
            open = new ArrayList<>(requests.values());
            requests.clear();
        }
        IllegalStateException cause = lostException();
        orphans.forEach(
                (task, jm) ->
                        jm.updateTaskExecutionState(
                                new TaskExecutionState(
                                        task,
                                        ExecutionState.FAILED,
                                        cause,
                                        Map.of(),
                                        TaskMetricsReport.EMPTY)));
        open.forEach(f -> f.completeExceptionally(cause));
    }

    private IllegalStateException lostException() {
        return new IllegalStateException(
                "TaskManager " + id + " (" + description + ") was lost: " + lostReason);
    }

    private synchronized JobMasterGateway jobMasterOf(TaskKey task) {
        return tasks.get(task);
    }

    /** Holds the lock. */
    private CompletableFuture<Object> newRequest() {
        long requestId = ++nextRequest;
        RequestFuture f = new RequestFuture(requestId);
        requests.put(requestId, f);
        timer.schedule(
                () -> {
                    CompletableFuture<Object> open;
                    synchronized (this) {
                        open = requests.remove(requestId);
                    }
                    if (open != null) {
                        open.completeExceptionally(
                                new TimeoutException(
                                        "TaskManager "
                                                + id
                                                + " did not answer request "
                                                + requestId
                                                + " within "
                                                + timeoutMillis
                                                + " ms"));
                    }
                },
                timeoutMillis);
        return f;
    }

    private static long requestIdOf(CompletableFuture<Object> f) {
        return ((RequestFuture) f).requestId;
    }

    private void complete(long requestId, Object value) {
        CompletableFuture<Object> f;
        synchronized (this) {
            f = requests.remove(requestId);
        }
        if (f != null) {
            f.complete(value);
        }
    }

    /** The job ended: the TaskManager forgets its graph, so a later deployment sends it again. */
    synchronized void releaseJob(JobId jobId) {
        graphSent.remove(jobId);
    }

    /** The number of subtasks the JobManager believes run there, for tests. */
    synchronized int runningTasks() {
        return tasks.size();
    }

    private static final class RequestFuture extends CompletableFuture<Object> {
        final long requestId;

        RequestFuture(long requestId) {
            this.requestId = requestId;
        }
    }
}
