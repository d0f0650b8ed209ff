package io.spate.cluster.jobmaster;

import io.spate.api.connector.source.SourceSplit;
import io.spate.api.execution.JobMetricsSnapshot;
import io.spate.api.execution.JobStatus;
import io.spate.cluster.gateway.JobMasterGateway;
import io.spate.cluster.gateway.TaskExecutorGateway;
import io.spate.cluster.messages.ExecutionState;
import io.spate.cluster.messages.JobDetails;
import io.spate.cluster.messages.JobResult;
import io.spate.cluster.messages.TaskExecutionState;
import io.spate.cluster.messages.TaskKey;
import io.spate.cluster.messages.TaskMetricsReport;
import io.spate.cluster.rpc.LocalRpc;
import io.spate.cluster.rpc.MainThreadExecutor;
import io.spate.common.JobId;
import io.spate.common.time.Clock;
import io.spate.core.plan.JobGraph;
import io.spate.core.plan.JobVertex;
import io.spate.runtime.task.SplitAssignment;
import io.spate.runtime.task.TaskDeployment;
import io.spate.runtime.task.TaskMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: takes slots, deploys every subtask, follows their states and decides the job's
 * status (see {@link JobStatus} for the transitions). Runs on the JobManager's main thread.
 *
 * <p>Subtask i of every vertex goes to slot i (slot sharing): a job needs as many slots as its
 * highest parallelism, and a pipeline's neighbouring subtasks share a TaskExecutor.
 */
public final class JobMaster implements JobMasterGateway {
    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    private final JobId jobId;
    private final JobGraph jobGraph;
    private final MainThreadExecutor mainThread;
    private final ResourceManager resourceManager;
    private final Clock clock;
    private final ClassLoader userClassLoader;
    private final JobMasterGateway selfGateway;
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();

    private final Map<TaskKey, Deployed> tasks = new LinkedHashMap<>();
    private final Map<String, Long> finishedCounters = new TreeMap<>();
    private TaskMetricsReport finishedTotals = TaskMetricsReport.EMPTY;
    private final int attempt = 0;
    private JobStatus status = JobStatus.CREATED;
    private Throwable failure;
    private long startMillis;
    private long startNanos;

    private static final class Deployed {
        final TaskExecutorGateway gateway;
        ExecutionState state = ExecutionState.DEPLOYING;

        Deployed(TaskExecutorGateway gateway) {
            this.gateway = gateway;
        }
    }

    public JobMaster(
            JobId jobId,
            JobGraph jobGraph,
            MainThreadExecutor mainThread,
            ResourceManager resourceManager,
            Clock clock,
            ClassLoader userClassLoader) {
        this.jobId = jobId;
        this.jobGraph = jobGraph;
        this.mainThread = mainThread;
        this.resourceManager = resourceManager;
        this.clock = clock;
        this.userClassLoader = userClassLoader;
        this.selfGateway = LocalRpc.connect(JobMasterGateway.class, this, mainThread);
    }

    public JobId jobId() {
        return jobId;
    }

    public JobStatus status() {
        return status;
    }

    public CompletableFuture<JobResult> result() {
        return result;
    }

    public JobDetails details() {
        return new JobDetails(jobId, jobGraph.name(), status, startMillis);
    }

    /** Takes slots and deploys every subtask; a job that cannot start fails at once. */
    public void start() {
        mainThread.assertMainThread();
        startMillis = clock.millis();
        startNanos = clock.nanoTime();
        List<ResourceManager.Slot> slots;
        Map<Integer, List<List<SourceSplit>>> splits;
        try {
            slots = resourceManager.allocate(jobId, jobGraph.maxVertexParallelism());
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        try {
            splits = assignSplits();
        } catch (Exception e) {
            fail(new IllegalStateException("Could not divide the input of a source: " + e, e));
            return;
        }
        transition(JobStatus.RUNNING);
        for (JobVertex v : jobGraph.vertices()) {
            for (int i = 0; i < v.parallelism(); i++) {
                TaskKey key = new TaskKey(jobId, attempt, v.id(), i);
                ResourceManager.Slot slot = slots.get(i);
                tasks.put(key, new Deployed(slot.gateway()));
                List<? extends SourceSplit> mine =
                        v.isSource() ? splits.get(v.id()).get(i) : List.of();
                TaskDeployment deployment =
                        new TaskDeployment(jobId, attempt, jobGraph, v.id(), i, mine);
                slot.gateway()
                        .submitTask(deployment, selfGateway)
                        .whenCompleteAsync(
                                (ok, e) -> {
                                    if (e != null) {
                                        onTaskState(
                                                new TaskExecutionState(
                                                        key,
                                                        ExecutionState.FAILED,
                                                        e,
                                                        Map.of(),
                                                        TaskMetricsReport.EMPTY));
                                    }
                                },
                                mainThread);
            }
        }
        LOG.info("Job '{}' ({}) deployed: {} subtasks", jobGraph.name(), jobId, tasks.size());
    }

    /** Asks each source for its splits and deals them to its subtasks in turn. */
    private Map<Integer, List<List<SourceSplit>>> assignSplits() throws Exception {
        Map<Integer, List<List<SourceSplit>>> result = new HashMap<>();
        for (JobVertex v : jobGraph.vertices()) {
            if (v.isSource()) {
                result.put(v.id(), SplitAssignment.assign(v, userClassLoader));
            }
        }
        return result;
    }

    @Override
    public CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState state) {
        onTaskState(state);
        return CompletableFuture.completedFuture(null);
    }

    private void onTaskState(TaskExecutionState state) {
        mainThread.assertMainThread();
        Deployed d = tasks.get(state.task());
        if (d == null || d.state.isTerminal()) {
            return;
        }
        d.state = state.state();
        if (state.state().isTerminal()) {
            state.counters()
                    .forEach(
                            (k, v) ->
                                    finishedCounters.merge(
                                            k, v, (a, b) -> TaskMetrics.merge(k, a, b)));
            finishedTotals = finishedTotals.plus(state.totals());
        }
        Throwable cause = state.failure();
        boolean failed = state.state() == ExecutionState.FAILED;
        if (state.state() == ExecutionState.CANCELED && status == JobStatus.RUNNING) {
            // Nobody asked for it (e.g. its TaskExecutor shut down): the job cannot finish.
            failed = true;
            cause =
                    new IllegalStateException(
                            "Subtask "
                                    + (state.task().subtaskIndex() + 1)
                                    + " of '"
                                    + jobGraph.vertex(state.task().vertexId()).name()
                                    + "' was cancelled although the job was not");
        }
        if (failed && failure == null) {
            failure = cause;
            if (status == JobStatus.RUNNING) {
                LOG.info(
                        "Job '{}' ({}) is failing: {}", jobGraph.name(), jobId, failure.toString());
                transition(JobStatus.FAILING);
                cancelRunningTasks();
            }
        }
        if (tasks.values().stream().allMatch(t -> t.state.isTerminal())) {
            finish();
        }
    }

    private void finish() {
        JobStatus end;
        if (status == JobStatus.CANCELLING) {
            end = JobStatus.CANCELED;
        } else if (failure != null) {
            end = JobStatus.FAILED;
        } else {
            end = JobStatus.FINISHED;
        }
        complete(end);
    }

    private void fail(Throwable cause) {
        failure = cause;
        LOG.info("Job '{}' ({}) failed: {}", jobGraph.name(), jobId, cause.toString());
        if (status == JobStatus.CREATED) {
            transition(JobStatus.FAILING);
        }
        complete(JobStatus.FAILED);
    }

    private void complete(JobStatus end) {
        transition(end);
        resourceManager.release(jobId);
        Duration runtime = Duration.ofNanos(clock.nanoTime() - startNanos);
        LOG.info("Job '{}' ({}) {} after {} ms", jobGraph.name(), jobId, end, runtime.toMillis());
        result.complete(
                new JobResult(
                        jobId,
                        jobGraph.name(),
                        end,
                        runtime,
                        Map.copyOf(finishedCounters),
                        finishedTotals,
                        failure));
    }

    /** Starts cancelling; the job is CANCELED once every subtask has stopped. */
    public void cancel() {
        mainThread.assertMainThread();
        // A failing job is already stopping all its subtasks and cannot become CANCELLING.
        if (status.isTerminal() || status == JobStatus.CANCELLING || status == JobStatus.FAILING) {
            return;
        }
        transition(JobStatus.CANCELLING);
        if (tasks.values().stream().allMatch(t -> t.state.isTerminal())) {
            finish();
            return;
        }
        cancelRunningTasks();
    }

    private void cancelRunningTasks() {
        tasks.forEach(
                (key, d) -> {
                    if (!d.state.isTerminal()) {
                        d.gateway.cancelTask(key);
                    }
                });
    }

    private void transition(JobStatus next) {
        if (status == next) {
            return;
        }
        if (!status.canTransitionTo(next)) {
            throw new IllegalStateException(
                    "Job " + jobId + " cannot go from " + status + " to " + next);
        }
        status = next;
    }

    /** The job's record totals: finished subtasks' plus what the TaskExecutors report now. */
    public CompletableFuture<JobMetricsSnapshot> metrics() {
        mainThread.assertMainThread();
        List<CompletableFuture<TaskMetricsReport>> reports = new ArrayList<>();
        tasks.values().stream()
                .filter(d -> !d.state.isTerminal())
                .map(d -> d.gateway)
                .distinct()
                .forEach(g -> reports.add(g.requestMetrics(jobId)));
        TaskMetricsReport done = finishedTotals;
        JobStatus current = status;
        Duration elapsed =
                Duration.ofNanos(
                        clock.nanoTime() - (startNanos == 0 ? clock.nanoTime() : startNanos));
        return CompletableFuture.allOf(reports.toArray(new CompletableFuture<?>[0]))
                .thenApply(
                        v -> {
                            TaskMetricsReport total = done;
                            for (CompletableFuture<TaskMetricsReport> r : reports) {
                                total = total.plus(r.join());
                            }
                            return new JobMetricsSnapshot(
                                    current, total.recordsIn(), total.recordsOut(), elapsed);
                        });
    }
}
