package io.spate.cluster.checkpoint;

import io.spate.api.execution.CheckpointingOptions;
import io.spate.cluster.messages.CheckpointTrigger;
import io.spate.cluster.messages.TaskKey;
import io.spate.cluster.rpc.MainThreadExecutor;
import io.spate.common.CheckpointId;
import io.spate.common.JobId;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import io.spate.core.checkpoint.CheckpointMetadata;
import io.spate.core.checkpoint.OperatorStateSnapshot;
import io.spate.core.checkpoint.SubtaskStateHandle;
import io.spate.core.plan.ChainedOperator;
import io.spate.core.plan.JobGraph;
import io.spate.core.plan.JobVertex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager's side of checkpoints for one job (ADR 0003): triggers them periodically (and
 * savepoints on request) at the source subtasks, collects the acknowledgements, writes the metadata
 * that completes a checkpoint, tells the subtasks, keeps the latest few, and aborts what times out
 * or is declined. When every source has read everything, it triggers the job's final checkpoint.
 *
 * <p>Every method runs on the JobManager's main thread; file I/O runs on {@code io} and reports
 * back to the main thread.
 */
public final class CheckpointCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);

    private final JobId jobId;
    private final JobGraph jobGraph;
    private final MainThreadExecutor mainThread;
    private final ScheduledExecutorService timer;
    private final Executor io;
    private final Clock clock;
    private final Path jobDirectory;
    private final Duration interval;
    private final Duration timeout;
    private final Duration minPause;
    private final int maxConcurrent;
    private final int retained;
    private final Consumer<Throwable> onFinalCheckpointFailed;

    private CheckpointTasks tasks;
    private final Set<TaskKey> exhaustedSources = new HashSet<>();
    private final Map<Long, Pending> pending = new LinkedHashMap<>();

    /** Retained checkpoints, oldest first; older ones are deleted beyond the retained count. */
    private final ArrayDeque<CompletedCheckpoint> completed = new ArrayDeque<>();

    /** Every point the job can restart from (retained checkpoints and savepoints), by id. */
    private final java.util.TreeMap<Long, CompletedCheckpoint> restartPoints =
            new java.util.TreeMap<>();

    private long nextId = 1;
    private long lastCompletionMillis = Long.MIN_VALUE;
    private boolean finalTriggered;
    private ScheduledFuture<?> periodic;
    private boolean stopped;

    /** A checkpoint in progress. */
    private final class Pending {
        final long id;
        final long timestamp;
        final Path directory;
        final boolean savepoint;
        final boolean endOfData;
        final Set<TaskKey> waitingFor;
        final Map<TaskKey, Map<String, SubtaskStateHandle>> acks = new HashMap<>();
        final CompletableFuture<CompletedCheckpoint> result = new CompletableFuture<>();
        ScheduledFuture<?> timeoutTask;

        Pending(long id, long timestamp, Path directory, boolean savepoint, boolean endOfData) {
            this.id = id;
            this.timestamp = timestamp;
            this.directory = directory;
            this.savepoint = savepoint;
            this.endOfData = endOfData;
            this.waitingFor = new HashSet<>(tasks.all().keySet());
        }
    }

    public CheckpointCoordinator(
            JobId jobId,
            JobGraph jobGraph,
            Configuration config,
            MainThreadExecutor mainThread,
            ScheduledExecutorService timer,
            Executor io,
            Clock clock,
            Consumer<Throwable> onFinalCheckpointFailed) {
        this.jobId = jobId;
        this.jobGraph = jobGraph;
        this.mainThread = mainThread;
        this.timer = timer;
        this.io = io;
        this.clock = clock;
        this.interval = config.get(CheckpointingOptions.INTERVAL);
        this.timeout = config.get(CheckpointingOptions.TIMEOUT);
        this.minPause = config.get(CheckpointingOptions.MIN_PAUSE);
        this.maxConcurrent = Math.max(1, config.get(CheckpointingOptions.MAX_CONCURRENT));
        this.retained = Math.max(1, config.get(CheckpointingOptions.RETAINED));
        this.jobDirectory = checkpointsDirectory(config).resolve(jobId.toString());
        this.onFinalCheckpointFailed = onFinalCheckpointFailed;
    }

    /** The directory checkpoints are stored under, from the configuration. */
    public static Path checkpointsDirectory(Configuration config) {
        String dir = config.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
        if (dir != null) {
            return Path.of(dir);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "spate-checkpoints");
    }

    public boolean isPeriodic() {
        return interval != null;
    }

    /** Where this job's checkpoints are stored. */
    public Path jobDirectory() {
        return jobDirectory;
    }

    /** Continues numbering after a restored checkpoint, so that ids never repeat. */
    public void continueAfter(long checkpointId) {
        nextId = Math.max(nextId, checkpointId + 1);
    }

    /** The point the job restarts from: the latest completed checkpoint or savepoint, or null. */
    public CompletedCheckpoint latestCompleted() {
        return restartPoints.isEmpty() ? null : restartPoints.lastEntry().getValue();
    }

    /** Forgets {@code checkpoint} as a restart point (it turned out unusable). */
    public void discard(CompletedCheckpoint checkpoint) {
        completed.remove(checkpoint);
        restartPoints.remove(checkpoint.id());
    }

    /**
     * Sets the restart point the job started from (a savepoint), before any checkpoint completed.
     */
    public void setInitial(CompletedCheckpoint restoredFrom) {
        restartPoints.put(restoredFrom.id(), restoredFrom);
        continueAfter(restoredFrom.id());
    }

    private BooleanSupplier ready = () -> true;

    /** The subtasks of a new run: aborts whatever was in progress for the old one. */
    public void setTasks(CheckpointTasks newTasks) {
        mainThread.assertMainThread();
        abortAll(new IllegalStateException("The job restarted"));
        tasks = newTasks;
        exhaustedSources.clear();
        finalTriggered = false;
        if (isPeriodic() && periodic == null && !stopped) {
            long ms = interval.toMillis();
            periodic =
                    timer.scheduleWithFixedDelay(
                            () -> mainThread.execute(this::triggerPeriodic),
                            ms,
                            ms,
                            TimeUnit.MILLISECONDS);
        }
    }

    /** Stops triggering and aborts what is in progress (the job ended or failed). */
    public void stop(Throwable reason) {
        if (periodic != null) {
            periodic.cancel(false);
            periodic = null;
        }
        abortAll(reason);
    }

    /** Stops for good. */
    public void shutdown(Throwable reason) {
        stopped = true;
        stop(reason);
    }

    /**
     * Periodic checkpoints start only while {@code ready} says so — the JobMaster's "every subtask
     * of this run has started" — so that none is triggered while subtasks are still being deployed
     * or restored (their barriers would wait for them anyway).
     */
    public void triggerOnlyWhen(BooleanSupplier ready) {
        this.ready = ready;
    }

    private void triggerPeriodic() {
        if (tasks == null || stopped || finalTriggered || !ready.getAsBoolean()) {
            return;
        }
        if (pending.size() >= maxConcurrent) {
            return;
        }
        long now = clock.millis();
        if (lastCompletionMillis != Long.MIN_VALUE
                && now - lastCompletionMillis < minPause.toMillis()) {
            return;
        }
        trigger(false, null, false).exceptionally(e -> null);
    }

    /** Triggers a savepoint into {@code directory} (or the configured savepoint directory). */
    public CompletableFuture<CompletedCheckpoint> triggerSavepoint(Path directory) {
        mainThread.assertMainThread();
        if (tasks == null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("The job is not running; no savepoint can be taken"));
        }
        return trigger(true, directory, false);
    }

    /** A source subtask read everything; when all have, the final checkpoint starts. */
    public void sourceExhausted(TaskKey task) {
        if (tasks == null || task.attempt() != tasks.attempt()) {
            return;
        }
        exhaustedSources.add(task);
        if (!finalTriggered && exhaustedSources.containsAll(tasks.sources())) {
            finalTriggered = true;
            trigger(false, null, true)
                    .exceptionally(
                            e -> {
                                onFinalCheckpointFailed.accept(e);
                                return null;
                            });
        }
    }

    private CompletableFuture<CompletedCheckpoint> trigger(
            boolean savepoint, Path savepointDirectory, boolean endOfData) {
        long id = nextId++;
        long now = clock.millis();
        Path directory =
                savepoint
                        ? savepointDirectory.resolve(
                                "savepoint-" + jobId.toString().substring(0, 8) + "-" + id)
                        : jobDirectory.resolve("chk-" + id);
        Pending p = new Pending(id, now, directory, savepoint, endOfData);
        pending.put(id, p);
        p.timeoutTask =
                timer.schedule(
                        () ->
                                mainThread.execute(
                                        () ->
                                                abort(
                                                        id,
                                                        new IllegalStateException(
                                                                "Checkpoint "
                                                                        + id
                                                                        + " expired after "
                                                                        + timeout.toMillis()
                                                                        + " ms"))),
                        timeout.toMillis(),
                        TimeUnit.MILLISECONDS);
        CheckpointTrigger message =
                new CheckpointTrigger(id, now, directory.toString(), savepoint, endOfData);
        for (TaskKey source : tasks.sources()) {
            tasks.all()
                    .get(source)
                    .triggerCheckpoint(source, message)
                    .whenCompleteAsync(
                            (ok, e) -> {
                                if (e != null) {
                                    // else it would wait for its timeout, blocking later ones
                                    abort(
                                            id,
                                            new IllegalStateException(
                                                    "Checkpoint "
                                                            + id
                                                            + " could not start at a source: "
                                                            + e.getMessage(),
                                                    e));
                                }
                            },
                            mainThread);
        }
        LOG.debug("Triggered {} {} of job {}", savepoint ? "savepoint" : "checkpoint", id, jobId);
        return p.result;
    }

    /** A subtask wrote its state for {@code checkpointId}. */
    public void acknowledge(
            TaskKey task, long checkpointId, Map<String, SubtaskStateHandle> states) {
        mainThread.assertMainThread();
        Pending p = pending.get(checkpointId);
        if (p == null || tasks == null || task.attempt() != tasks.attempt()) {
            return;
        }
        if (p.waitingFor.remove(task)) {
            p.acks.put(task, states);
        }
        if (p.waitingFor.isEmpty()) {
            complete(p);
        }
    }

    /** A subtask could not take part in {@code checkpointId}: it is aborted. */
    public void decline(TaskKey task, long checkpointId, String reason) {
        mainThread.assertMainThread();
        abort(
                checkpointId,
                new IllegalStateException(
                        "Checkpoint " + checkpointId + " was declined by a subtask: " + reason));
    }

    private void complete(Pending p) {
        pending.remove(p.id);
        p.timeoutTask.cancel(false);
        CheckpointMetadata metadata = metadata(p);
        io.execute(
                () -> {
                    try {
                        Files.createDirectories(p.directory);
                        metadata.write(p.directory);
                    } catch (IOException e) {
                        mainThread.execute(() -> failCompletion(p, e));
                        return;
                    }
                    mainThread.execute(
                            () -> completed(p, new CompletedCheckpoint(p.directory, metadata)));
                });
    }

    private void failCompletion(Pending p, IOException e) {
        notifyAborted(p);
        deleteQuietly(p.directory);
        p.result.completeExceptionally(
                new UncheckedIOException("Checkpoint " + p.id + " could not be stored", e));
    }

    private void completed(Pending p, CompletedCheckpoint checkpoint) {
        lastCompletionMillis = clock.millis();
        restartPoints.put(checkpoint.id(), checkpoint);
        if (!checkpoint.isSavepoint()) {
            completed.addLast(checkpoint);
            while (completed.size() > retained) {
                CompletedCheckpoint old = completed.pollFirst();
                restartPoints.remove(old.id());
                io.execute(() -> deleteQuietly(old.directory()));
            }
        }
        if (tasks != null) {
            tasks.all().forEach((task, gateway) -> gateway.notifyCheckpointComplete(task, p.id));
        }
        LOG.debug("Completed checkpoint {} of job {}", p.id, jobId);
        p.result.complete(checkpoint);
    }

    private CheckpointMetadata metadata(Pending p) {
        Map<String, List<SubtaskStateHandle>> byOperator = new LinkedHashMap<>();
        for (Map<String, SubtaskStateHandle> ack : p.acks.values()) {
            ack.forEach((op, h) -> byOperator.computeIfAbsent(op, k -> new ArrayList<>()).add(h));
        }
        List<OperatorStateSnapshot> operators = new ArrayList<>();
        for (JobVertex v : jobGraph.vertices()) {
            for (ChainedOperator op : v.operators()) {
                List<SubtaskStateHandle> handles = byOperator.get(op.operatorId());
                if (handles != null) {
                    handles.sort(Comparator.comparingInt(SubtaskStateHandle::subtask));
                    operators.add(
                            new OperatorStateSnapshot(
                                    op.operatorId(), v.parallelism(), v.maxParallelism(), handles));
                }
            }
        }
        return new CheckpointMetadata(
                jobId, new CheckpointId(p.id), p.timestamp, p.savepoint, operators);
    }

    private void abort(long checkpointId, Throwable reason) {
        Pending p = pending.remove(checkpointId);
        if (p == null) {
            return;
        }
        abort(p, reason);
    }

    private void abort(Pending p, Throwable reason) {
        p.timeoutTask.cancel(false);
        notifyAborted(p);
        io.execute(() -> deleteQuietly(p.directory));
        LOG.debug("Aborted checkpoint {} of job {}: {}", p.id, jobId, reason.toString());
        p.result.completeExceptionally(reason);
        if (p.endOfData && !stopped) {
            finalTriggered = false;
        }
    }

    private void notifyAborted(Pending p) {
        if (tasks != null) {
            tasks.all().forEach((task, gateway) -> gateway.notifyCheckpointAborted(task, p.id));
        }
    }

    private void abortAll(Throwable reason) {
        for (Pending p : new ArrayList<>(pending.values())) {
            pending.remove(p.id);
            abort(p, reason);
        }
    }

    /** Deletes a directory and everything under it, logging what cannot be deleted. */
    static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder())
                    .forEach(
                            p -> {
                                try {
                                    Files.deleteIfExists(p);
                                } catch (IOException e) {
                                    LOG.warn("Cannot delete {}: {}", p, e.toString());
                                }
                            });
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", directory, e.toString());
        }
    }
}
