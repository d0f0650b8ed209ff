package io.spate.cluster.embedded;

import io.spate.api.execution.RestOptions;
import io.spate.cluster.ClusterOptions;
import io.spate.cluster.artifacts.ArtifactStore;
import io.spate.cluster.artifacts.JobClassLoaders;
import io.spate.cluster.gateway.DispatcherGateway;
import io.spate.cluster.gateway.ResourceManagerGateway;
import io.spate.cluster.gateway.TaskExecutorGateway;
import io.spate.cluster.jobmaster.JobManager;
import io.spate.cluster.jobmaster.JobSubmissions;
import io.spate.cluster.rest.RestServer;
import io.spate.cluster.rpc.LocalRpc;
import io.spate.cluster.taskexecutor.TaskExecutor;
import io.spate.common.JobId;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import io.spate.runtime.exchange.LocalExchange;
import io.spate.state.heap.HeapStateBackend;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JobManager and N TaskExecutors inside this JVM: the same roles and gateways as a distributed
 * cluster, connected by in-process calls ({@link LocalRpc}) and in-memory channels instead of
 * sockets.
 *
 * <p>With {@link RestOptions#ENABLED} set, the JobManager also serves its REST API ({@link
 * RestServer}) on the Dispatcher, which {@link #restAddress()} gives, including the endpoints that
 * accept jobs from other processes ({@link JobSubmissions}); off by default, so that clusters
 * started from code open no port unless asked to.
 *
 * <p>Threads: one main thread for the JobManager, and per TaskExecutor one main thread plus its
 * worker threads ({@link ClusterOptions#WORKER_THREADS}, one per core by default); the REST API's
 * own few. {@link #close()} stops all of them.
 */
public final class EmbeddedCluster implements AutoCloseable {
    private final JobManager jobManager;
    private final DispatcherGateway dispatcher;
    private final List<TaskExecutor> taskExecutors = new ArrayList<>();
    private final LocalExchange exchange;
    private final ClientChannels clientChannels = new ClientChannels();
    private final JobClassLoaders userClassLoaders = new JobClassLoaders();
    private ArtifactStore artifacts;
    private RestServer restServer;

    private EmbeddedCluster(
            Configuration config, Clock clock, int taskExecutorCount, int slotsEach) {
        this.exchange = new LocalExchange(config.get(ClusterOptions.QUEUE_CAPACITY));
        this.jobManager = new JobManager(clock, this::userClassLoader);
        this.dispatcher = jobManager.dispatcher();
        ResourceManagerGateway rm = jobManager.resourceManager();

        int workers = ClusterOptions.workerThreads(config);
        TaskExecutor.Services services =
                new TaskExecutor.Services(
                        clock,
                        exchange,
                        new HeapStateBackend(),
                        this::userClassLoader,
                        clientChannels::channel,
                        config.get(ClusterOptions.BATCH_SIZE),
                        config.get(ClusterOptions.RECORDS_PER_CALL));
        for (int i = 0; i < taskExecutorCount; i++) {
            TaskExecutor te = new TaskExecutor("taskexecutor-" + i, slotsEach, workers, services);
            taskExecutors.add(te);
            TaskExecutorGateway gateway =
                    LocalRpc.connect(TaskExecutorGateway.class, te, te.mainThread());
            rm.registerTaskExecutor(te.id(), slotsEach, gateway).join();
        }
        if (config.get(RestOptions.ENABLED)) {
            try {
                artifacts = ArtifactStore.open(config);
                JobSubmissions submissions =
                        new JobSubmissions(artifacts, userClassLoaders, dispatcher);
                // The API waits for people, in wall-clock time, whatever clock the jobs use.
                restServer = RestServer.start(dispatcher, submissions, config, Clock.system());
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
    }

    /**
     * Starts a cluster of {@code taskExecutors} TaskExecutors with {@code slotsEach} slots each.
     */
    public static EmbeddedCluster start(
            Configuration config, Clock clock, int taskExecutors, int slotsEach) {
        if (taskExecutors < 1 || slotsEach < 1) {
            throw new IllegalArgumentException(
                    "An embedded cluster needs at least one TaskExecutor with one slot");
        }
        return new EmbeddedCluster(config, clock, taskExecutors, slotsEach);
    }

    public DispatcherGateway dispatcher() {
        return dispatcher;
    }

    /** The base address of the REST API, when this cluster serves one. */
    public Optional<URI> restAddress() {
        return restServer == null ? Optional.empty() : Optional.of(restServer.address());
    }

    public ClientChannels clientChannels() {
        return clientChannels;
    }

    public List<TaskExecutor> taskExecutors() {
        return List.copyOf(taskExecutors);
    }

    /**
     * The class loader a job's code is loaded with; set before the job is submitted. The caller
     * owns it: {@link #releaseJob} forgets it but does not close it.
     */
    public void registerUserClassLoader(JobId jobId, ClassLoader classLoader) {
        userClassLoaders.register(jobId, classLoader, false);
    }

    /** The class loaders of jobs' code, shared by jobs submitted in-process and over REST. */
    public JobClassLoaders userClassLoaders() {
        return userClassLoaders;
    }

    private ClassLoader userClassLoader(JobId jobId) {
        return userClassLoaders.get(jobId);
    }

    /**
     * Releases what a finished job left in the process. Its client channels stay: they hold results
     * the client may not have read yet, and are released by the client once it has.
     */
    public void releaseJob(JobId jobId) {
        userClassLoaders.release(jobId);
        exchange.release(jobId);
    }

    /**
     * Stops the REST API (after clients read their savepoint results, see {@link
     * RestServer#close()}), every TaskExecutor (cancelling running subtasks) and the JobManager.
     */
    @Override
    public void close() {
        if (restServer != null) {
            // First, while the Dispatcher still answers the last requests.
            restServer.close();
        }
        for (TaskExecutor te : taskExecutors) {
            te.close();
        }
        jobManager.close();
        userClassLoaders.close();
        if (artifacts != null) {
            artifacts.close();
        }
    }
}
