package io.spate.cluster.standalone;

import io.spate.api.connector.sink.ClientChannel;
import io.spate.api.connector.source.SourceSplit;
import io.spate.cluster.ClusterOptions;
import io.spate.cluster.artifacts.JobClassLoaders;
import io.spate.cluster.controlplane.ControlPlaneMessage;
import io.spate.cluster.controlplane.ControlPlaneMessage.ArtifactChunk;
import io.spate.cluster.controlplane.ControlPlaneMessage.CancelTask;
import io.spate.cluster.controlplane.ControlPlaneMessage.DeclineCheckpoint;
import io.spate.cluster.controlplane.ControlPlaneMessage.FetchArtifact;
import io.spate.cluster.controlplane.ControlPlaneMessage.MetricsResponse;
import io.spate.cluster.controlplane.ControlPlaneMessage.NotifyCheckpointAborted;
import io.spate.cluster.controlplane.ControlPlaneMessage.NotifyCheckpointComplete;
import io.spate.cluster.controlplane.ControlPlaneMessage.ReleaseJob;
import io.spate.cluster.controlplane.ControlPlaneMessage.RequestMetrics;
import io.spate.cluster.controlplane.ControlPlaneMessage.SubmitTask;
import io.spate.cluster.controlplane.ControlPlaneMessage.SubmitTaskResponse;
import io.spate.cluster.controlplane.ControlPlaneMessage.TriggerCheckpoint;
import io.spate.cluster.gateway.TaskExecutorGateway;
import io.spate.cluster.jobmaster.JobGraphReader;
import io.spate.cluster.messages.TaskKey;
import io.spate.cluster.rpc.LocalRpc;
import io.spate.cluster.taskexecutor.TaskExecutor;
import io.spate.common.JobId;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import io.spate.core.plan.JobGraph;
import io.spate.network.NetworkOptions;
import io.spate.runtime.exchange.LocalExchange;
import io.spate.runtime.exchange.remote.NetworkExchange;
import io.spate.runtime.task.TaskDeployment;
import io.spate.state.heap.HeapStateBackend;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs subtasks in a TaskManager process: a {@link TaskExecutor} (worker threads, slots), the
 * in-process and the {@linkplain NetworkExchange remote} exchange, and per job the jar fetched from
 * the JobManager, a class loader over it and the job's graph. It carries out the JobManager's
 * messages about subtasks and sends their reports back through a {@link RemoteJobMaster}.
 *
 * <p>Threads: {@link #onMessage} runs on the TaskManager's control thread and only hands work on:
 * deployments are read on the TaskExecutor's main thread, jars are written as their chunks arrive.
 */
final class TaskExecutorHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutorHost.class);

    private final NetworkExchange remoteExchange;
    private final LocalExchange localExchange;
    private final TaskExecutor taskExecutor;
    private final TaskExecutorGateway gateway;
    private final Path artifactDir;
    private final ClassLoader spateClassLoader = TaskExecutorHost.class.getClassLoader();
    private final JobClassLoaders classLoaders = new JobClassLoaders(spateClassLoader);
    private volatile Consumer<ControlPlaneMessage> toJobManager = m -> {};

    private final ConcurrentHashMap<JobId, Job> jobs = new ConcurrentHashMap<>();

    /** Per subtask, the deployment and the calls queued behind it while they are not through. */
    private final ConcurrentHashMap<TaskKey, CompletableFuture<Void>> inFlight =
            new ConcurrentHashMap<>();

    // ---- of the control thread
    private final Map<String, CompletableFuture<Path>> artifacts = new HashMap<>();
    private final Map<Long, Fetch> fetches = new HashMap<>();
    private long nextFetch;

    TaskExecutorHost(Configuration conf, Clock clock, String name, int slots) {
        Configuration data = new Configuration(conf);
        data.set(NetworkOptions.BIND_ADDRESS, conf.get(StandaloneOptions.DATA_ADDRESS));
        data.set(NetworkOptions.PORT, conf.get(StandaloneOptions.DATA_PORT));
        this.remoteExchange = NetworkExchange.start(data, name);
        try {
            this.artifactDir = Files.createTempDirectory("spate-" + name + "-artifacts");
        } catch (IOException e) {
            remoteExchange.close();
            throw new UncheckedIOException("Could not create a directory for jobs' jars", e);
        }
        this.localExchange = new LocalExchange(conf.get(ClusterOptions.QUEUE_CAPACITY));
        int workers = ClusterOptions.workerThreads(conf);
        TaskExecutor.Services services =
                new TaskExecutor.Services(
                        clock,
                        localExchange,
                        new HeapStateBackend(),
                        this::classLoaderOf,
                        TaskExecutorHost::noClientChannels,
                        conf.get(ClusterOptions.BATCH_SIZE),
                        conf.get(ClusterOptions.RECORDS_PER_CALL),
                        remoteExchange);
        this.taskExecutor = new TaskExecutor(name, slots, workers, services);
        this.gateway =
                LocalRpc.connect(
                        TaskExecutorGateway.class, taskExecutor, taskExecutor.mainThread());
    }

    /** Where other TaskManagers send this one's data. */
    String exchangeAddress() {
        return remoteExchange.address();
    }

    /** Where reports to the JobManager go; set once the runner exists. */
    void connect(Consumer<ControlPlaneMessage> toJobManager) {
        this.toJobManager = toJobManager;
    }

    TaskExecutor taskExecutor() {
        return taskExecutor;
    }

    /** A message of the JobManager about subtasks; on the control thread. */
    void onMessage(ControlPlaneMessage message) {
        if (message instanceof SubmitTask m) {
            deploy(m);
        } else if (message instanceof CancelTask m) {
            afterDeployment(m.task(), () -> gateway.cancelTask(m.task()));
        } else if (message instanceof TriggerCheckpoint m) {
            afterDeployment(
                    m.task(),
                    () ->
                            gateway.triggerCheckpoint(m.task(), m.trigger())
                                    .exceptionally(
                                            e -> {
                                                toJobManager.accept(
                                                        new DeclineCheckpoint(
                                                                m.task(),
                                                                m.trigger().checkpointId(),
                                                                describe(e)));
                                                return null;
                                            }));
        } else if (message instanceof NotifyCheckpointComplete m) {
            afterDeployment(
                    m.task(), () -> gateway.notifyCheckpointComplete(m.task(), m.checkpointId()));
        } else if (message instanceof NotifyCheckpointAborted m) {
            afterDeployment(
                    m.task(), () -> gateway.notifyCheckpointAborted(m.task(), m.checkpointId()));
        } else if (message instanceof RequestMetrics m) {
            gateway.requestMetrics(m.jobId())
                    .thenAccept(r -> toJobManager.accept(new MetricsResponse(m.requestId(), r)));
        } else if (message instanceof ReleaseJob m) {
            release(m.jobId());
        } else if (message instanceof ArtifactChunk m) {
            onChunk(m);
        } else {
            LOG.warn("Ignoring an unexpected message from the JobManager: {}", message);
        }
    }

    /**
     * The JobManager is gone: no subtask may go on writing (no zombie writers). Its jobs are
     * forgotten too (class loaders, channels): a JobManager that comes back does not know them.
     */
    void onJobManagerLost(String reason) {
        taskExecutor
                .mainThread()
                .execute(
                        () -> {
                            int n = taskExecutor.cancelAll();
                            if (n > 0) {
                                LOG.info(
                                        "Cancelling {} subtask(s) after losing the JobManager ({})",
                                        n,
                                        reason);
                            }
                            for (JobId jobId : List.copyOf(jobs.keySet())) {
                                release(jobId);
                            }
                        });
    }

    // ---- deployments

    private void deploy(SubmitTask m) {
        Job job =
                jobs.computeIfAbsent(
                        m.task().jobId(), id -> new Job(id, loaderFor(id, m.artifactId())));
        job.onAttempt(m.task().attempt());
        if (m.jobGraph().length > 0) {
            // In message order, before any deployment reads it: only the job's first has it.
            job.offerGraph(m.jobGraph());
        }
        RemoteJobMaster jobMaster = new RemoteJobMaster(msg -> toJobManager.accept(msg));
        CompletableFuture<Void> deployed =
                job.loader
                        .thenApplyAsync(
                                loader -> toDeployment(job, m, loader), taskExecutor.mainThread())
                        .thenCompose(d -> gateway.submitTask(d, jobMaster))
                        .whenComplete(
                                (ok, e) ->
                                        toJobManager.accept(
                                                new SubmitTaskResponse(
                                                        m.requestId(),
                                                        e == null ? null : describe(e))));
        track(m.task(), deployed.handle((ok, e) -> null));
    }

    /**
     * Runs {@code action} on a subtask once its deployment (and what was queued behind it) is
     * through, so that a checkpoint trigger or a cancellation never overtakes the deployment it
     * belongs to — which it could, as a deployment may wait for the job's jar. On the control
     * thread.
     */
    private void afterDeployment(TaskKey task, Runnable action) {
        CompletableFuture<Void> tail = inFlight.get(task);
        if (tail == null) {
            action.run();
            return;
        }
        track(
                task,
                tail.handle(
                        (ok, e) -> {
                            action.run();
                            return null;
                        }));
    }

    private void track(TaskKey task, CompletableFuture<Void> tail) {
        inFlight.put(task, tail);
        tail.whenComplete((ok, e) -> inFlight.remove(task, tail));
    }

    @SuppressWarnings("unchecked")
    private TaskDeployment toDeployment(Job job, SubmitTask m, ClassLoader loader) {
        JobGraph graph = job.graph(loader);
        List<? extends SourceSplit> splits =
                JobGraphReader.read(m.splits(), loader, List.class, "the source splits");
        return new TaskDeployment(
                m.task().jobId(),
                m.task().attempt(),
                graph,
                m.task().vertexId(),
                m.task().subtaskIndex(),
                splits,
                m.restore(),
                m.locations());
    }

    private ClassLoader classLoaderOf(JobId jobId) {
        Job job = jobs.get(jobId);
        return job == null ? spateClassLoader : job.loader.getNow(spateClassLoader);
    }

    private static ClientChannel noClientChannels(JobId jobId, String channelId) {
        throw new UnsupportedOperationException(
                "Job "
                        + jobId
                        + " sends results back to its client (collect()), which only jobs on an"
                        + " embedded engine can do; write them to a sink instead");
    }

    private void release(JobId jobId) {
        Job job = jobs.remove(jobId);
        localExchange.release(jobId);
        if (job != null) {
            for (int attempt = 0; attempt <= job.latestAttempt; attempt++) {
                remoteExchange.release(jobId, attempt);
            }
            job.loader.thenAccept(loader -> classLoaders.release(jobId));
        }
    }

    // ---- jars

    private CompletableFuture<ClassLoader> loaderFor(JobId jobId, String artifactId) {
        if (artifactId == null) {
            return CompletableFuture.completedFuture(spateClassLoader);
        }
        return artifact(artifactId)
                .thenApply(
                        jar -> {
                            ClassLoader loader = classLoaders.create(jobId, jar);
                            classLoaders.register(jobId, loader, true);
                            return loader;
                        });
    }

    /** The jar with this id on this machine, fetched from the JobManager the first time. */
    private CompletableFuture<Path> artifact(String artifactId) {
        CompletableFuture<Path> known = artifacts.get(artifactId);
        if (known != null && !known.isCompletedExceptionally()) {
            return known;
        }
        CompletableFuture<Path> result = new CompletableFuture<>();
        artifacts.put(artifactId, result);
        long requestId = ++nextFetch;
        try {
            Path partial = artifactDir.resolve(artifactId + ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha);
            fetches.put(requestId, new Fetch(artifactId, partial, out, sha, result));
        } catch (IOException | NoSuchAlgorithmException e) {
            result.completeExceptionally(e);
            return result;
        }
        toJobManager.accept(new FetchArtifact(requestId, artifactId));
        return result;
    }

    private void onChunk(ArtifactChunk m) {
        Fetch f = fetches.get(m.requestId());
        if (f == null) {
            return;
        }
        try {
            if (m.error() != null) {
                throw new IOException(m.error());
            }
            if (m.index() != f.nextIndex++) {
                throw new IOException("chunk " + m.index() + " arrived out of order");
            }
            f.out.write(m.bytes());
            if (!m.last()) {
                return;
            }
            fetches.remove(m.requestId());
            f.out.close();
            String actual = HexFormat.of().formatHex(f.sha.digest());
            if (!actual.equalsIgnoreCase(f.artifactId)) {
                throw new IOException(
                        "its SHA-256 is " + actual + ", not " + f.artifactId + " as its id says");
            }
            Path jar = artifactDir.resolve(f.artifactId + ".jar");
            Files.move(f.partial, jar, StandardCopyOption.ATOMIC_MOVE);
            f.result.complete(jar);
        } catch (IOException e) {
            fetches.remove(m.requestId());
            try {
                f.out.close();
                Files.deleteIfExists(f.partial);
            } catch (IOException ignored) {
                // the fetch failed already; the partial file goes with the directory
            }
            f.result.completeExceptionally(
                    new IllegalStateException(
                            "Could not fetch the job's jar " + f.artifactId + ": " + e.getMessage(),
                            e));
        }
    }

    private static String describe(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    @Override
    public void close() {
        taskExecutor.close();
        for (JobId jobId : List.copyOf(jobs.keySet())) {
            release(jobId);
        }
        remoteExchange.close();
        try (var files = Files.list(artifactDir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(artifactDir);
        } catch (IOException e) {
            LOG.debug("Could not delete {}", artifactDir, e);
        }
    }

    /** A job with subtasks here: its class loader and graph. */
    private final class Job {
        final JobId jobId;
        final CompletableFuture<ClassLoader> loader;
        private JobGraph graph;
        private byte[] graphBytes;
        volatile int latestAttempt = -1;

        Job(JobId jobId, CompletableFuture<ClassLoader> loader) {
            this.jobId = jobId;
            this.loader = loader;
        }

        /** A newer run started: the channels of the older ones are not used any more. */
        synchronized void onAttempt(int attempt) {
            for (int old = 0; old <= latestAttempt && old < attempt; old++) {
                localExchange.release(jobId, old);
                remoteExchange.release(jobId, old);
            }
            latestAttempt = Math.max(latestAttempt, attempt);
        }

        /** The graph's bytes, as the JobManager sends them with the job's first subtask here. */
        synchronized void offerGraph(byte[] bytes) {
            if (graph == null && graphBytes == null) {
                graphBytes = bytes;
            }
        }

        /** The job's graph, read once (every subtask of every run shares it). */
        synchronized JobGraph graph(ClassLoader loader) {
            if (graph == null) {
                if (graphBytes == null) {
                    throw new IllegalStateException(
                            "The JobManager sent no graph for job "
                                    + jobId
                                    + " to this TaskManager");
                }
                graph =
                        JobGraphReader.read(
                                graphBytes, loader, JobGraph.class, "the job graph of " + jobId);
                graphBytes = null;
            }
            return graph;
        }
    }

    /** A jar being received. */
    private static final class Fetch {
        final String artifactId;
        final Path partial;
        final OutputStream out;
        final MessageDigest sha;
        final CompletableFuture<Path> result;
        int nextIndex;

        Fetch(
                String artifactId,
                Path partial,
                OutputStream out,
                MessageDigest sha,
                CompletableFuture<Path> result) {
            this.artifactId = artifactId;
            this.partial = partial;
            this.out = out;
            this.sha = sha;
            this.result = result;
        }
    }
}
