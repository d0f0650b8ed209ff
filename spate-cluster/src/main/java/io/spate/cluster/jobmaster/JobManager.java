package io.spate.cluster.jobmaster;

import io.spate.cluster.gateway.DispatcherGateway;
import io.spate.cluster.gateway.ResourceManagerGateway;
import io.spate.cluster.rpc.LocalRpc;
import io.spate.cluster.rpc.MainThreadExecutor;
import io.spate.common.JobId;
import io.spate.common.time.Clock;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The JobManager role, whatever process it is in: a main thread that runs the {@link Dispatcher}
 * (and its JobMasters) and the {@link ResourceManager}, a timer and an I/O thread for them, and
 * gateways onto both. The embedded cluster and the standalone JobManager process both build one.
 */
public final class JobManager implements AutoCloseable {
    private final MainThreadExecutor mainThread;
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor io;
    private final DispatcherGateway dispatcher;
    private final ResourceManagerGateway resourceManager;

    /**
     * @param clock the jobs' clock
     * @param userClassLoaders the class loader of each job's code
     */
    public JobManager(Clock clock, Function<JobId, ClassLoader> userClassLoaders) {
        this.mainThread = new MainThreadExecutor("spate-jobmanager");
        ResourceManager rm = new ResourceManager(mainThread);
        this.timer = lazyScheduler("spate-jobmanager-timer");
        this.io = lazyPool("spate-jobmanager-io", 1);
        Dispatcher endpoint = new Dispatcher(mainThread, rm, clock, userClassLoaders, timer, io);
        this.dispatcher = LocalRpc.connect(DispatcherGateway.class, endpoint, mainThread);
        this.resourceManager = LocalRpc.connect(ResourceManagerGateway.class, rm, mainThread);
    }

    public DispatcherGateway dispatcher() {
        return dispatcher;
    }

    public ResourceManagerGateway resourceManager() {
        return resourceManager;
    }

    /** Stops the timer, the I/O thread and the main thread (bounded). */
    @Override
    public void close() {
        timer.shutdownNow();
        io.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
            io.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        mainThread.close();
    }

    /** A timer whose thread exists only while something is scheduled. */
    private static ScheduledThreadPoolExecutor lazyScheduler(String name) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon(name));
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(10, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }

    /** A pool whose threads exist only while there is work. */
    private static ThreadPoolExecutor lazyPool(String name, int threads) {
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(
                        threads,
                        threads,
                        10,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(),
                        daemon(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
