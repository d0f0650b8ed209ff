package io.spate.cluster.embedded;

import io.spate.cluster.ClusterOptions;
import io.spate.cluster.gateway.DispatcherGateway;
import io.spate.cluster.gateway.ResourceManagerGateway;
import io.spate.cluster.gateway.TaskExecutorGateway;
import io.spate.cluster.jobmaster.Dispatcher;
import io.spate.cluster.jobmaster.ResourceManager;
import io.spate.cluster.rpc.LocalRpc;
import io.spate.cluster.rpc.MainThreadExecutor;
import io.spate.cluster.taskexecutor.TaskExecutor;
import io.spate.common.JobId;
import io.spate.common.config.Configuration;
import io.spate.common.config.Hardware;
import io.spate.common.time.Clock;
import io.spate.runtime.exchange.LocalExchange;
import io.spate.state.heap.HeapStateBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JobManager and N TaskExecutors inside this JVM: the same roles and gateways as a distributed
 * cluster, connected by in-process calls ({@link LocalRpc}) and in-memory channels instead of
 * sockets.
 *
 * <p>Threads: one main thread for the JobManager, and per TaskExecutor one main thread plus its
 * worker threads ({@link ClusterOptions#WORKER_THREADS}, one per core by default). {@link #close()}
 * stops all of them.
 */
public final class EmbeddedCluster implements AutoCloseable {
    private final MainThreadExecutor jobManagerThread;
    private final DispatcherGateway dispatcher;
    private final List<TaskExecutor> taskExecutors = new ArrayList<>();
    private final LocalExchange exchange;
    private final ClientChannels clientChannels = new ClientChannels();
    private final ConcurrentHashMap<JobId, ClassLoader> userClassLoaders =
            new ConcurrentHashMap<>();

    private EmbeddedCluster(
            Configuration config, Clock clock, int taskExecutorCount, int slotsEach) {
        this.exchange = new LocalExchange(config.get(ClusterOptions.QUEUE_CAPACITY));
        this.jobManagerThread = new MainThreadExecutor("spate-jobmanager");
        ResourceManager resourceManager = new ResourceManager(jobManagerThread);
        Dispatcher dispatcherEndpoint =
                new Dispatcher(jobManagerThread, resourceManager, clock, this::userClassLoader);
        this.dispatcher =
                LocalRpc.connect(DispatcherGateway.class, dispatcherEndpoint, jobManagerThread);
        ResourceManagerGateway rm =
                LocalRpc.connect(ResourceManagerGateway.class, resourceManager, jobManagerThread);

        Integer configuredWorkers = config.get(ClusterOptions.WORKER_THREADS);
        int workers =
                configuredWorkers != null ? configuredWorkers : Hardware.availableProcessors();
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

    public ClientChannels clientChannels() {
        return clientChannels;
    }

    public List<TaskExecutor> taskExecutors() {
        return List.copyOf(taskExecutors);
    }

    /** The class loader a job's code is loaded with; set before the job is submitted. */
    public void registerUserClassLoader(JobId jobId, ClassLoader classLoader) {
        userClassLoaders.put(jobId, classLoader);
    }

    private ClassLoader userClassLoader(JobId jobId) {
        ClassLoader cl = userClassLoaders.get(jobId);
        return cl != null ? cl : EmbeddedCluster.class.getClassLoader();
    }

    /**
     * Releases what a finished job left in the process. Its client channels stay: they hold results
     * the client may not have read yet, and are released by the client once it has.
     */
    public void releaseJob(JobId jobId) {
        userClassLoaders.remove(jobId);
        exchange.release(jobId);
    }

    /** Stops every TaskExecutor (cancelling running subtasks) and the JobManager. */
    @Override
    public void close() {
        for (TaskExecutor te : taskExecutors) {
            te.close();
        }
        jobManagerThread.close();
    }
}
