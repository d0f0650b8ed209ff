package io.spate.cluster.jobmaster;

import io.spate.api.connector.source.SourceSplit;
import io.spate.api.execution.CheckpointingOptions;
import io.spate.api.execution.JobFailure;
import io.spate.api.execution.JobMetricsSnapshot;
import io.spate.api.execution.JobStatus;
import io.spate.cluster.checkpoint.CheckpointCoordinator;
import io.spate.cluster.checkpoint.CheckpointTasks;
import io.spate.cluster.checkpoint.CompletedCheckpoint;
import io.spate.cluster.failover.RestartStrategy;
import io.spate.cluster.gateway.JobMasterGateway;
import io.spate.cluster.gateway.TaskExecutorGateway;
import io.spate.cluster.messages.ExecutionState;
import io.spate.cluster.messages.JobDetails;
import io.spate.cluster.messages.JobInfo;
import io.spate.cluster.messages.JobResult;
import io.spate.cluster.messages.TaskExecutionState;
import io.spate.cluster.messages.TaskKey;
import io.spate.cluster.messages.TaskMetricsReport;
import io.spate.cluster.rpc.LocalRpc;
import io.spate.cluster.rpc.MainThreadExecutor;
import io.spate.common.JobId;
import io.spate.common.time.Clock;
import io.spate.core.checkpoint.OperatorStateSnapshot;
import io.spate.core.checkpoint.SubtaskStateHandle;
import io.spate.core.plan.JobGraph;
import io.spate.core.plan.JobVertex;
import io.spate.runtime.task.SplitAssignment;
import io.spate.runtime.task.SubtaskLocations;
import io.spate.runtime.task.TaskDeployment;
import io.spate.runtime.task.TaskMetrics;
import io.spate.runtime.task.TaskRestore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: takes slots, deploys every subtask, follows their states, restarts the job from its
 * latest checkpoint when a subtask fails (as its {@link RestartStrategy} allows), and decides the
 * job's status (see {@link JobStatus}). Runs on the JobManager's main thread.
 *
 * <p>Subtask i of every vertex goes to slot i (slot sharing): a job needs as many slots as its
 * highest parallelism. Each run of the job is an <em>attempt</em>; reports from older attempts are
 * ignored.
 */
public final class JobMaster implements JobMasterGateway {
    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    private final JobId jobId;
    private final JobGraph jobGraph;
    private final MainThreadExecutor mainThread;
    private final ResourceManager resourceManager;
    private final Clock clock;
    private final ClassLoader userClassLoader;
    private final ScheduledExecutorService timer;
    private final Executor io;
    private final JobMasterGateway selfGateway;
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();
    private final RestartStrategy restartStrategy;
    private final CheckpointCoordinator checkpoints;
    private final List<JobFailure> failures = new ArrayList<>();

    private List<ResourceManager.Slot> slots;
    private final Map<TaskKey, Deployed> tasks = new LinkedHashMap<>();
    private final Map<String, Long> finishedCounters = new TreeMap<>();
    private TaskMetricsReport finishedTotals = TaskMetricsReport.EMPTY;
    private int attempt = -1;
    private JobStatus status = JobStatus.CREATED;
    private Throwable failure;
    private String failedTask;
    private long failureMillis;
    private long startMillis;
    private long startNanos;
    private ScheduledFuture<?> scheduledRestart;
    private String stopSavepoint;

    private static final class Deployed {
        final TaskExecutorGateway gateway;
        final String name;
        ExecutionState state = ExecutionState.DEPLOYING;

        Deployed(TaskExecutorGateway gateway, String name) {
            this.gateway = gateway;
            this.name = name;
        }
    }

    public JobMaster(
            JobId jobId,
            JobGraph jobGraph,
            MainThreadExecutor mainThread,
            ResourceManager resourceManager,
            Clock clock,
            ClassLoader userClassLoader,
            ScheduledExecutorService timer,
            Executor io) {
        this.jobId = jobId;
        this.jobGraph = jobGraph;
        this.mainThread = mainThread;
        this.resourceManager = resourceManager;
        this.clock = clock;
        this.userClassLoader = userClassLoader;
        this.timer = timer;
        this.io = io;
        this.selfGateway = LocalRpc.connect(JobMasterGateway.class, this, mainThread);
        this.restartStrategy = RestartStrategy.fromConfiguration(jobGraph.configuration());
        this.checkpoints =
                new CheckpointCoordinator(
                        jobId,
                        jobGraph,
                        jobGraph.configuration(),
                        mainThread,
                        timer,
                        io,
                        clock,
                        this::onFinalCheckpointFailed);
        this.checkpoints.triggerOnlyWhen(this::allSubtasksStarted);
    }

    /** Whether every subtask of the current run has started (or already ended). */
    private boolean allSubtasksStarted() {
        for (Deployed d : tasks.values()) {
            if (d.state == ExecutionState.DEPLOYING) {
                return false;
            }
        }
        return true;
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

    public List<JobFailure> failureHistory() {
        return List.copyOf(failures);
    }

    /** What a person or tool watching the job wants to know about it. */
    public JobInfo info() {
        mainThread.assertMainThread();
        List<JobInfo.Vertex> vertices = new ArrayList<>();
        for (JobVertex v : jobGraph.vertices()) {
            int running = 0;
            for (Map.Entry<TaskKey, Deployed> e : tasks.entrySet()) {
                if (e.getKey().vertexId() == v.id()
                        && e.getValue().state == ExecutionState.RUNNING) {
                    running++;
                }
            }
            vertices.add(new JobInfo.Vertex(v.name(), v.parallelism(), running));
        }
        CompletedCheckpoint latest = checkpoints.latestCompleted();
        JobInfo.Checkpoint checkpoint =
                latest == null
                        ? null
                        : new JobInfo.Checkpoint(
                                latest.id(),
                                latest.directory().toString(),
                                latest.isSavepoint(),
                                latest.metadata().timestampMillis());
        return new JobInfo(
                jobId,
                jobGraph.name(),
                status,
                startMillis,
                attempt,
                jobGraph.maxVertexParallelism(),
                vertices,
                failures,
                checkpoint,
                jobGraph.configuration().get(CheckpointingOptions.SAVEPOINTS_DIRECTORY));
    }

    /** Takes slots, restores from a savepoint if configured, and deploys every subtask. */
    public void start() {
        mainThread.assertMainThread();
        startMillis = clock.millis();
        startNanos = clock.nanoTime();
        try {
            slots = resourceManager.allocate(jobId, jobGraph.maxVertexParallelism());
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        String savepoint = jobGraph.configuration().get(CheckpointingOptions.RESTORE_PATH);
        if (savepoint == null) {
            deploy(null);
            return;
        }
        io.execute(
                () -> {
                    CompletedCheckpoint restored;
                    try {
                        restored = SavepointRestore.load(Path.of(savepoint), jobGraph);
                    } catch (Exception e) {
                        mainThread.execute(() -> fail(e));
                        return;
                    }
                    mainThread.execute(
                            () -> {
                                checkpoints.setInitial(restored);
                                deploy(restored);
                            });
                });
    }

    /** Deploys a new attempt of every subtask, restoring from {@code from} when not null. */
    private void deploy(CompletedCheckpoint from) {
        if (!resourceManager.allRegistered(slots)) {
            // A TaskExecutor of this job went away: take slots on the ones still here.
            resourceManager.release(jobId);
            try {
                slots = resourceManager.allocate(jobId, jobGraph.maxVertexParallelism());
            } catch (ResourceManager.NotEnoughSlotsException e) {
                LOG.info(
                        "Job '{}' ({}) cannot restart yet: {}",
                        jobGraph.name(),
                        jobId,
                        e.getMessage());
                failure = e;
                failedTask = "slot allocation";
                failureMillis = clock.millis();
                decideRestart();
                return;
            }
        }
        attempt++;
        tasks.clear();
        finishedCounters.clear();
        finishedTotals = TaskMetricsReport.EMPTY;
        failure = null;
        failedTask = null;
        Map<Integer, List<List<SourceSplit>>> splits;
        try {
            splits = assignSplits();
        } catch (Exception e) {
            fail(new IllegalStateException("Could not divide the input of a source: " + e, e));
            return;
        }
        TaskRestore restore = from == null ? null : toRestore(from);
        if (!failures.isEmpty()) {
            int last = failures.size() - 1;
            failures.set(
                    last,
                    failures.get(last)
                            .withRestart(
                                    from == null ? null : from.directory().toString(),
                                    clock.millis()));
        }
        transition(JobStatus.RUNNING);
        SubtaskLocations locations = locations();
        Map<TaskKey, TaskExecutorGateway> all = new LinkedHashMap<>();
        Set<TaskKey> sources = new HashSet<>();
        List<Runnable> submissions = new ArrayList<>();
        for (JobVertex v : jobGraph.vertices()) {
            for (int i = 0; i < v.parallelism(); i++) {
                TaskKey key = new TaskKey(jobId, attempt, v.id(), i);
                ResourceManager.Slot slot = slots.get(i);
                List<? extends SourceSplit> mine =
                        v.isSource() ? splits.get(v.id()).get(i) : List.of();
                TaskDeployment deployment =
                        new TaskDeployment(
                                jobId,
                                attempt,
                                jobGraph,
                                v.id(),
                                i,
                                mine,
                                restore,
                                locations.self() == null
                                        ? locations
                                        : new SubtaskLocations(
                                                slot.exchangeAddress(), locations.vertices()));
                tasks.put(key, new Deployed(slot.gateway(), deployment.taskName()));
                all.put(key, slot.gateway());
                if (v.isSource()) {
                    sources.add(key);
                }
                submissions.add(() -> submit(key, slot.gateway(), deployment));
            }
        }
        checkpoints.setTasks(new CheckpointTasks(attempt, all, sources));
        submissions.forEach(Runnable::run);
        LOG.info(
                "Job '{}' ({}) attempt {} deployed: {} subtasks{}",
                jobGraph.name(),
                jobId,
                attempt,
                tasks.size(),
                from == null ? "" : ", restored from " + from.directory());
    }

    /**
     * Where each subtask goes: subtask i of every vertex to slot i. {@link SubtaskLocations#LOCAL}
     * when every slot is in this process; else {@code self} is a placeholder that each deployment
     * replaces with its own slot's address.
     */
    private SubtaskLocations locations() {
        if (slots.stream().allMatch(s -> s.exchangeAddress() == null)) {
            return SubtaskLocations.LOCAL;
        }
        Map<Integer, List<String>> vertices = new HashMap<>();
        for (JobVertex v : jobGraph.vertices()) {
            List<String> addresses = new ArrayList<>(v.parallelism());
            for (int i = 0; i < v.parallelism(); i++) {
                String address = slots.get(i).exchangeAddress();
                if (address == null) {
                    throw new IllegalStateException(
                            "Slot "
                                    + i
                                    + " of job "
                                    + jobId
                                    + " is in the JobManager's process, the others are not");
                }
                addresses.add(address);
            }
            vertices.put(v.id(), addresses);
        }
        return new SubtaskLocations("", vertices);
    }

    private void submit(TaskKey key, TaskExecutorGateway gateway, TaskDeployment deployment) {
        gateway.submitTask(deployment, selfGateway)
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

    private TaskRestore toRestore(CompletedCheckpoint from) {
        Map<String, OperatorStateSnapshot> operators = new HashMap<>();
        for (OperatorStateSnapshot op : from.metadata().operators()) {
            operators.put(op.operatorId(), op);
        }
        return new TaskRestore(from.directory(), operators);
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

    // ------------------------------------------------------------------ reports from subtasks

    @Override
    public CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState state) {
        onTaskState(state);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> acknowledgeCheckpoint(
            TaskKey task, long checkpointId, Map<String, SubtaskStateHandle> states) {
        checkpoints.acknowledge(task, checkpointId, states);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> declineCheckpoint(
            TaskKey task, long checkpointId, String reason) {
        if (task.attempt() == attempt) {
            checkpoints.decline(task, checkpointId, reason);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> sourceExhausted(TaskKey task) {
        checkpoints.sourceExhausted(task);
        return CompletableFuture.completedFuture(null);
    }

    private void onTaskState(TaskExecutionState state) {
        mainThread.assertMainThread();
        if (state.task().attempt() != attempt) {
            return;
        }
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
        if (failed) {
            onFailure(cause, d.name);
        }
        if (allTerminal()) {
            onAllTerminal();
        }
    }

    private boolean allTerminal() {
        return tasks.values().stream().allMatch(t -> t.state.isTerminal());
    }

    /** A subtask failed (or the job cannot go on): stop this attempt. */
    private void onFailure(Throwable cause, String task) {
        if (failure != null) {
            return;
        }
        failure = cause;
        failedTask = task;
        failureMillis = clock.millis();
        if (status == JobStatus.RUNNING) {
            LOG.info(
                    "Job '{}' ({}) attempt {} is failing: {} failed: {}",
                    jobGraph.name(),
                    jobId,
                    attempt,
                    task,
                    cause.toString());
            transition(JobStatus.FAILING);
            checkpoints.stop(cause);
            cancelRunningTasks();
        }
    }

    private void onFinalCheckpointFailed(Throwable cause) {
        if (status == JobStatus.RUNNING) {
            onFailure(
                    new IllegalStateException(
                            "The job's final checkpoint failed, so its last output cannot be"
                                    + " committed: "
                                    + cause.getMessage(),
                            cause),
                    "the final checkpoint");
            if (allTerminal()) {
                onAllTerminal();
            }
        }
    }

    private void onAllTerminal() {
        switch (status) {
            case CANCELLING:
                complete(JobStatus.CANCELED);
                break;
            case FAILING:
                decideRestart();
                break;
            case RUNNING:
                complete(JobStatus.FINISHED);
                break;
            default:
                break;
        }
    }

    private void decideRestart() {
        Duration delay = restartStrategy.onFailure(clock.millis());
        failures.add(
                new JobFailure(
                        failureMillis,
                        attempt,
                        failedTask,
                        describe(failure),
                        delay != null,
                        null,
                        -1));
        if (delay == null) {
            LOG.info(
                    "Job '{}' ({}) fails for good ({})",
                    jobGraph.name(),
                    jobId,
                    restartStrategy.describe());
            complete(JobStatus.FAILED);
            return;
        }
        transition(JobStatus.RESTARTING);
        LOG.info(
                "Job '{}' ({}) restarts in {} ms (failure {} of this job)",
                jobGraph.name(),
                jobId,
                delay.toMillis(),
                failures.size());
        scheduledRestart =
                timer.schedule(
                        () -> mainThread.execute(this::restart),
                        delay.toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    /** Restarts from the latest checkpoint whose files all verify. */
    private void restart() {
        if (status != JobStatus.RESTARTING) {
            return;
        }
        CompletedCheckpoint candidate = checkpoints.latestCompleted();
        if (candidate == null) {
            deploy(null);
            return;
        }
        io.execute(
                () -> {
                    Exception problem = CheckpointVerifier.verify(candidate);
                    mainThread.execute(() -> restartFrom(candidate, problem));
                });
    }

    private void restartFrom(CompletedCheckpoint candidate, Exception problem) {
        if (status != JobStatus.RESTARTING) {
            return;
        }
        if (problem == null) {
            checkpoints.continueAfter(candidate.id());
            deploy(candidate);
            return;
        }
        LOG.warn(
                "Checkpoint {} of job {} is unusable, falling back to an earlier one: {}",
                candidate.id(),
                jobId,
                problem.getMessage());
        checkpoints.discard(candidate);
        if (checkpoints.latestCompleted() == null) {
            failure =
                    new IllegalStateException(
                            "The job cannot restart: its only checkpoint ("
                                    + candidate.directory()
                                    + ") is unusable and there is no earlier one. "
                                    + problem.getMessage(),
                            problem);
            failures.add(
                    new JobFailure(
                            clock.millis(),
                            attempt,
                            "restart",
                            describe(failure),
                            false,
                            null,
                            -1));
            complete(JobStatus.FAILED);
            return;
        }
        restart();
    }

    private static String describe(Throwable t) {
        if (t == null) {
            return "unknown";
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getName() : m;
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
        checkpoints.shutdown(new IllegalStateException("The job ended: " + end));
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
                        end == JobStatus.FAILED ? failure : null,
                        List.copyOf(failures),
                        end == JobStatus.CANCELED ? stopSavepoint : null));
    }

    /** Starts cancelling; the job is CANCELED once every subtask has stopped. */
    public void cancel() {
        mainThread.assertMainThread();
        if (status == JobStatus.RESTARTING) {
            if (scheduledRestart != null) {
                scheduledRestart.cancel(false);
            }
            transition(JobStatus.CANCELLING);
            complete(JobStatus.CANCELED);
            return;
        }
        // A failing job is already stopping all its subtasks and cannot become CANCELLING.
        if (status.isTerminal() || status == JobStatus.CANCELLING || status == JobStatus.FAILING) {
            return;
        }
        transition(JobStatus.CANCELLING);
        checkpoints.stop(new IllegalStateException("The job is being cancelled"));
        if (allTerminal()) {
            complete(JobStatus.CANCELED);
            return;
        }
        cancelRunningTasks();
    }

    /**
     * Takes a savepoint into {@code directory} (or the configured one); completes with its path.
     */
    public CompletableFuture<String> triggerSavepoint(String directory) {
        mainThread.assertMainThread();
        if (status != JobStatus.RUNNING) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException(
                            "Job " + jobId + " is " + status + "; savepoints need a running job"));
        }
        String dir =
                directory != null
                        ? directory
                        : jobGraph.configuration().get(CheckpointingOptions.SAVEPOINTS_DIRECTORY);
        if (dir == null) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException(
                            "No savepoint directory: give one, or set state.savepoints.dir"));
        }
        return checkpoints.triggerSavepoint(Path.of(dir)).thenApply(c -> c.directory().toString());
    }

    /** Takes a savepoint, then cancels the job. */
    public CompletableFuture<String> stopWithSavepoint(String directory) {
        return triggerSavepoint(directory)
                .thenApplyAsync(
                        path -> {
                            LOG.info("Stopping job {} after savepoint {}", jobId, path);
                            if (status == JobStatus.RUNNING) {
                                stopSavepoint = path;
                            }
                            cancel();
                            return path;
                        },
                        mainThread);
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
