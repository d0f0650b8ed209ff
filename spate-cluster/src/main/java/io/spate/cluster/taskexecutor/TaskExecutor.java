package io.spate.cluster.taskexecutor;

import io.spate.api.connector.sink.ClientChannel;
import io.spate.cluster.gateway.JobMasterGateway;
import io.spate.cluster.gateway.TaskExecutorGateway;
import io.spate.cluster.messages.CheckpointTrigger;
import io.spate.cluster.messages.ExecutionState;
import io.spate.cluster.messages.TaskExecutionState;
import io.spate.cluster.messages.TaskKey;
import io.spate.cluster.messages.TaskMetricsReport;
import io.spate.cluster.rpc.MainThreadExecutor;
import io.spate.common.JobId;
import io.spate.common.time.Clock;
import io.spate.core.checkpoint.SubtaskStateHandle;
import io.spate.core.state.StateBackend;
import io.spate.runtime.exchange.ControlEvent;
import io.spate.runtime.exchange.LocalExchange;
import io.spate.runtime.exchange.RemoteExchange;
import io.spate.runtime.execution.TaskletExecutionService;
import io.spate.runtime.execution.TaskletHandle;
import io.spate.runtime.task.CheckpointResponder;
import io.spate.runtime.task.StreamTasklet;
import io.spate.runtime.task.TaskDeployment;
import io.spate.runtime.task.TaskEnvironment;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TaskManager role: owns slots and a {@link TaskletExecutionService} (one worker thread per
 * core), runs the subtasks the JobManager deploys and reports their states back. Its own state (the
 * running subtasks) is touched only on its main thread.
 */
public final class TaskExecutor implements TaskExecutorGateway, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);

    /**
     * How a TaskExecutor reaches the services of its process.
     *
     * @param remoteExchange the channels to subtasks in other processes; null in an embedded
     *     cluster, where every subtask is in this process
     */
    public record Services(
            Clock clock,
            LocalExchange exchange,
            StateBackend stateBackend,
            Function<JobId, ClassLoader> userClassLoaders,
            BiFunction<JobId, String, ClientChannel> clientChannels,
            int batchSize,
            int recordsPerCall,
            RemoteExchange remoteExchange) {

        /** The services of a process that runs every subtask of its jobs itself. */
        public Services(
                Clock clock,
                LocalExchange exchange,
                StateBackend stateBackend,
                Function<JobId, ClassLoader> userClassLoaders,
                BiFunction<JobId, String, ClientChannel> clientChannels,
                int batchSize,
                int recordsPerCall) {
            this(
                    clock,
                    exchange,
                    stateBackend,
                    userClassLoaders,
                    clientChannels,
                    batchSize,
                    recordsPerCall,
                    null);
        }
    }

    private final String id;
    private final int slots;
    private final Services services;
    private final MainThreadExecutor mainThread;
    private final TaskletExecutionService executionService;
    private final ThreadPoolExecutor snapshotIo;
    private final Map<TaskKey, Running> running = new HashMap<>();

    private record Running(StreamTasklet tasklet, TaskletHandle handle) {}

    public TaskExecutor(String id, int slots, int workerThreads, Services services) {
        this.id = id;
        this.slots = slots;
        this.services = services;
        this.mainThread = new MainThreadExecutor("spate-" + id);
        this.executionService = new TaskletExecutionService("spate-" + id, workerThreads);
        this.snapshotIo = newSnapshotIo("spate-" + id + "-snapshot-io");
    }

    /** Writes snapshots; its threads exist only while there is work (none without checkpoints). */
    private static ThreadPoolExecutor newSnapshotIo(String name) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(
                        2,
                        2,
                        30,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(),
                        r -> {
                            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    public String id() {
        return id;
    }

    public int slots() {
        return slots;
    }

    public MainThreadExecutor mainThread() {
        return mainThread;
    }

    public int workerThreads() {
        return executionService.workerThreads();
    }

    @Override
    public CompletableFuture<Void> submitTask(
            TaskDeployment deployment, JobMasterGateway jobMaster) {
        mainThread.assertMainThread();
        TaskKey key = TaskKey.of(deployment);
        JobId jobId = deployment.jobId();
        TaskEnvironment env =
                new TaskEnvironment(
                        services.clock(),
                        services.exchange(),
                        services.stateBackend(),
                        services.userClassLoaders().apply(jobId),
                        channelId -> services.clientChannels().apply(jobId, channelId),
                        services.batchSize(),
                        services.recordsPerCall(),
                        new Responder(key, jobMaster),
                        snapshotIo,
                        services.remoteExchange());
        StreamTasklet tasklet = new StreamTasklet(deployment, env);
        TaskletHandle handle = executionService.submit(tasklet);
        running.put(key, new Running(tasklet, handle));
        handle.started()
                .thenRunAsync(
                        () ->
                                jobMaster.updateTaskExecutionState(
                                        new TaskExecutionState(
                                                key,
                                                ExecutionState.RUNNING,
                                                null,
                                                Map.of(),
                                                TaskMetricsReport.EMPTY)),
                        mainThread);
        handle.completion()
                .whenCompleteAsync(
                        (ok, failure) -> {
                            running.remove(key);
                            ExecutionState state;
                            Throwable cause = unwrap(failure);
                            if (cause == null) {
                                state = ExecutionState.FINISHED;
                            } else if (cause instanceof CancellationException) {
                                state = ExecutionState.CANCELED;
                                cause = null;
                            } else {
                                state = ExecutionState.FAILED;
                                LOG.debug("Task {} failed", tasklet.name(), cause);
                            }
                            jobMaster.updateTaskExecutionState(
                                    new TaskExecutionState(
                                            key,
                                            state,
                                            cause,
                                            tasklet.metrics().snapshot(),
                                            new TaskMetricsReport(
                                                    tasklet.metrics().recordsIn(),
                                                    tasklet.metrics().recordsOut())));
                        },
                        mainThread);
        return CompletableFuture.completedFuture(null);
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public CompletableFuture<Void> triggerCheckpoint(TaskKey task, CheckpointTrigger trigger) {
        mainThread.assertMainThread();
        Running r = running.get(task);
        if (r == null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException(
                            "subtask " + task + " does not run on TaskExecutor " + id));
        }
        r.tasklet()
                .triggerCheckpoint(
                        new ControlEvent.Barrier(
                                trigger.checkpointId(),
                                trigger.timestamp(),
                                trigger.directory(),
                                trigger.savepoint(),
                                trigger.endOfData()));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> notifyCheckpointComplete(TaskKey task, long checkpointId) {
        mainThread.assertMainThread();
        Running r = running.get(task);
        if (r != null) {
            r.tasklet().notifyCheckpointComplete(checkpointId);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> notifyCheckpointAborted(TaskKey task, long checkpointId) {
        mainThread.assertMainThread();
        Running r = running.get(task);
        if (r != null) {
            r.tasklet().notifyCheckpointAborted(checkpointId);
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Hands a subtask's checkpoint reports to its JobMaster. */
    private static final class Responder implements CheckpointResponder {
        private final TaskKey key;
        private final JobMasterGateway jobMaster;

        Responder(TaskKey key, JobMasterGateway jobMaster) {
            this.key = key;
            this.jobMaster = jobMaster;
        }

        @Override
        public void acknowledge(
                TaskDeployment task, long checkpointId, Map<String, SubtaskStateHandle> states) {
            jobMaster.acknowledgeCheckpoint(key, checkpointId, states);
        }

        @Override
        public void decline(TaskDeployment task, long checkpointId, Throwable cause) {
            jobMaster.declineCheckpoint(key, checkpointId, String.valueOf(cause));
        }

        @Override
        public void sourceExhausted(TaskDeployment task) {
            jobMaster.sourceExhausted(key);
        }
    }

    @Override
    public CompletableFuture<Void> cancelTask(TaskKey task) {
        mainThread.assertMainThread();
        Running r = running.get(task);
        if (r != null) {
            r.handle().cancel();
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Cancels every subtask running here, as when the TaskManager lost its JobManager: nobody would
     * coordinate their checkpoints or commit their output any more.
     *
     * @return how many subtasks were asked to cancel
     */
    public int cancelAll() {
        mainThread.assertMainThread();
        for (Running r : running.values()) {
            r.handle().cancel();
        }
        return running.size();
    }

    /** How many subtasks run here now. */
    public int runningTasks() {
        mainThread.assertMainThread();
        return running.size();
    }

    @Override
    public CompletableFuture<TaskMetricsReport> requestMetrics(JobId jobId) {
        mainThread.assertMainThread();
        long in = 0;
        long out = 0;
        for (Map.Entry<TaskKey, Running> e : running.entrySet()) {
            if (e.getKey().jobId().equals(jobId)) {
                in += e.getValue().tasklet().metrics().recordsIn();
                out += e.getValue().tasklet().metrics().recordsOut();
            }
        }
        return CompletableFuture.completedFuture(new TaskMetricsReport(in, out));
    }

    /** Stops the worker threads (cancelling what still runs) and the main thread. */
    @Override
    public void close() {
        executionService.shutdown(10_000);
        snapshotIo.shutdownNow();
        try {
            snapshotIo.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        mainThread.close();
    }
}
