package io.spate.cluster.jobmaster;

import io.spate.cluster.artifacts.ArtifactStore;
import io.spate.cluster.artifacts.JobClassLoaders;
import io.spate.cluster.gateway.DispatcherGateway;
import io.spate.common.JobId;
import io.spate.core.plan.JobGraph;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Accepts jobs from other processes (the REST API's {@code PUT /v1/artifacts/{sha256}} and {@code
 * POST /v1/jobs}): stores their jars, reads their Java-serialized job graphs with a class loader
 * over the jar, and submits them to the Dispatcher. The job's class loader is registered in {@link
 * JobClassLoaders} before the Dispatcher sees the job, so that the Dispatcher's user class loader
 * function (which should be {@link JobClassLoaders#get}) finds it, and released when the job has
 * ended.
 *
 * <p>Thread-safe; called on request threads. Reading the graph happens on the calling thread;
 * submitting answers through the Dispatcher's future.
 */
public final class JobSubmissions {
    private final ArtifactStore artifacts;
    private final JobClassLoaders classLoaders;
    private final DispatcherGateway dispatcher;
    private final List<Consumer<JobId>> jobEndedListeners = new CopyOnWriteArrayList<>();
    private final Map<JobId, String> artifactIds = new ConcurrentHashMap<>();

    public JobSubmissions(
            ArtifactStore artifacts, JobClassLoaders classLoaders, DispatcherGateway dispatcher) {
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.classLoaders = Objects.requireNonNull(classLoaders, "classLoaders");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    /**
     * Tells {@code listener} of every job submitted here that ends, once its loader is released.
     */
    public void onJobEnded(Consumer<JobId> listener) {
        jobEndedListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The id of the jar of a running job submitted here, or null for one without a jar. */
    public String artifactOf(JobId jobId) {
        return artifactIds.get(jobId);
    }

    /** Where the jar with this id is stored, or null when it is not. */
    public Path artifactPath(String artifactId) {
        return artifacts.contains(artifactId) ? artifacts.path(artifactId) : null;
    }

    /** Stores a jar; see {@link ArtifactStore#put}. */
    public boolean putArtifact(String sha256Hex, InputStream jar) {
        return artifacts.put(sha256Hex, jar);
    }

    /** The largest jar accepted, in bytes. */
    public long maxArtifactSize() {
        return artifacts.maxSize();
    }

    /**
     * Reads the job graph in {@code serializedGraph} with the classes of jar {@code artifactId}
     * (null: a job whose classes are all on the JobManager's class path) and submits it.
     *
     * @return completes with the new job's id once the Dispatcher has accepted it
     * @throws JobSubmissionException when the jar is unknown or the graph cannot be read
     */
    public CompletableFuture<JobId> submit(String artifactId, byte[] serializedGraph) {
        Path jar = null;
        if (artifactId != null) {
            if (!artifacts.contains(artifactId)) {
                throw new JobSubmissionException(
                        "No jar with id '"
                                + artifactId
                                + "' is stored here; upload it first with PUT /v1/artifacts/"
                                + artifactId);
            }
            jar = artifacts.path(artifactId);
        }
        JobId jobId = JobId.random();
        ClassLoader loader = classLoaders.create(jobId, jar);
        JobGraph graph;
        try {
            graph = JobGraphReader.read(serializedGraph, loader);
        } catch (RuntimeException e) {
            classLoaders.discard(loader);
            throw e;
        }
        classLoaders.register(jobId, loader, jar != null);
        if (artifactId != null) {
            artifactIds.put(jobId, artifactId);
        }
        CompletableFuture<Void> submitted;
        try {
            submitted = dispatcher.submitJob(jobId, graph);
        } catch (RuntimeException e) {
            classLoaders.release(jobId);
            throw e;
        }
        return submitted.handle(
                (v, failure) -> {
                    if (failure != null) {
                        classLoaders.release(jobId);
                        artifactIds.remove(jobId);
                        throw failure instanceof RuntimeException
                                ? (RuntimeException) failure
                                : new IllegalStateException(failure);
                    }
                    dispatcher
                            .requestJobResult(jobId)
                            .whenComplete(
                                    (result, f) -> {
                                        classLoaders.release(jobId);
                                        artifactIds.remove(jobId);
                                        jobEndedListeners.forEach(l -> l.accept(jobId));
                                    });
                    return jobId;
                });
    }
}
