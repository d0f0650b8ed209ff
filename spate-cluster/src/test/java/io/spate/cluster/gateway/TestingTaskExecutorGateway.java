package io.spate.cluster.gateway;

import io.spate.cluster.messages.CheckpointTrigger;
import io.spate.cluster.messages.ExecutionState;
import io.spate.cluster.messages.TaskExecutionState;
import io.spate.cluster.messages.TaskKey;
import io.spate.cluster.messages.TaskMetricsReport;
import io.spate.common.JobId;
import io.spate.runtime.task.TaskDeployment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A TaskExecutor that runs nothing: it records what the JobManager asks of it and answers as the
 * test says. By default it accepts every subtask and cancellation and reports nothing by itself;
 * tests report subtask states with {@link #report}.
 */
public final class TestingTaskExecutorGateway implements TaskExecutorGateway {
    private final String id;

    private volatile BiFunction<TaskDeployment, JobMasterGateway, CompletableFuture<Void>>
            submitTaskFunction = (deployment, jobMaster) -> CompletableFuture.completedFuture(null);
    private volatile Function<TaskKey, CompletableFuture<Void>> cancelTaskFunction =
            task -> CompletableFuture.completedFuture(null);
    private volatile Function<JobId, CompletableFuture<TaskMetricsReport>> requestMetricsFunction =
            jobId -> CompletableFuture.completedFuture(TaskMetricsReport.EMPTY);

    private final List<TaskDeployment> deployments = new CopyOnWriteArrayList<>();
    private final List<TaskKey> cancelled = new CopyOnWriteArrayList<>();
    private final Map<TaskKey, JobMasterGateway> jobMasters = new ConcurrentHashMap<>();

    public TestingTaskExecutorGateway(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public void setSubmitTaskFunction(
            BiFunction<TaskDeployment, JobMasterGateway, CompletableFuture<Void>> function) {
        this.submitTaskFunction = function;
    }

    public void setCancelTaskFunction(Function<TaskKey, CompletableFuture<Void>> function) {
        this.cancelTaskFunction = function;
    }

    public void setRequestMetricsFunction(
            Function<JobId, CompletableFuture<TaskMetricsReport>> function) {
        this.requestMetricsFunction = function;
    }

    /** The subtasks deployed here, in order. */
    public List<TaskDeployment> deployments() {
        return List.copyOf(deployments);
    }

    /** The subtasks the JobManager asked to cancel, in order. */
    public List<TaskKey> cancelled() {
        return List.copyOf(cancelled);
    }

    /** Reports a subtask state to the JobMaster the subtask was deployed by. */
    public CompletableFuture<Void> report(TaskKey task, ExecutionState state, Throwable failure) {
        return report(task, state, failure, Map.of(), TaskMetricsReport.EMPTY);
    }

    /** Reports a subtask state with counters to the JobMaster the subtask was deployed by. */
    public CompletableFuture<Void> report(
            TaskKey task,
            ExecutionState state,
            Throwable failure,
            Map<String, Long> counters,
            TaskMetricsReport totals) {
        JobMasterGateway jobMaster = jobMasters.get(task);
        if (jobMaster == null) {
            // A report about a subtask that was never deployed here: send it to any JobMaster.
            jobMaster = jobMasters.values().iterator().next();
        }
        return jobMaster.updateTaskExecutionState(
                new TaskExecutionState(task, state, failure, counters, totals));
    }

    @Override
    public CompletableFuture<Void> submitTask(
            TaskDeployment deployment, JobMasterGateway jobMaster) {
        deployments.add(deployment);
        jobMasters.put(
                new TaskKey(
                        deployment.jobId(),
                        deployment.attempt(),
                        deployment.vertexId(),
                        deployment.subtaskIndex()),
                jobMaster);
        return submitTaskFunction.apply(deployment, jobMaster);
    }

    @Override
    public CompletableFuture<Void> cancelTask(TaskKey task) {
        cancelled.add(task);
        return cancelTaskFunction.apply(task);
    }

    private volatile Function<TaskKey, CompletableFuture<Void>> triggerCheckpointFunction =
            t -> CompletableFuture.completedFuture(null);

    /** What {@link #triggerCheckpoint} answers, e.g. a failure for a subtask not running here. */
    public void setTriggerCheckpointFunction(Function<TaskKey, CompletableFuture<Void>> function) {
        this.triggerCheckpointFunction = function;
    }

    @Override
    public CompletableFuture<Void> triggerCheckpoint(TaskKey task, CheckpointTrigger trigger) {
        return triggerCheckpointFunction.apply(task);
    }

    @Override
    public CompletableFuture<Void> notifyCheckpointComplete(TaskKey task, long checkpointId) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> notifyCheckpointAborted(TaskKey task, long checkpointId) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<TaskMetricsReport> requestMetrics(JobId jobId) {
        return requestMetricsFunction.apply(jobId);
    }

    @Override
    public String toString() {
        return "TestingTaskExecutorGateway(" + id + ")";
    }
}
