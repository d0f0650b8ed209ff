package io.spate.cluster.standalone;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the state of a control-plane endpoint: network event loops hand it what
 * they receive, timers run on it, so that state needs no locks. After {@link #shutdown()} further
 * tasks are dropped (the endpoint is closing anyway).
 */
final class ControlThread {
    private static final Logger LOG = LoggerFactory.getLogger(ControlThread.class);

    private final ScheduledExecutorService executor;
    private final String name;

    ControlThread(String name) {
        this.name = name;
        this.executor =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, name);
                            t.setDaemon(true);
                            return t;
                        });
    }

    void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("{} is shut down; dropped a task", name);
        }
    }

    ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        try {
            return executor.schedule(guarded(task), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    ScheduledFuture<?> every(Runnable task, long periodMillis) {
        return executor.scheduleWithFixedDelay(
                guarded(task), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on this thread and waits at most {@code timeoutMillis} for its result. */
    <T> T call(Callable<T> task, long timeoutMillis) {
        try {
            return executor.submit(task).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + name, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re
                    ? re
                    : new IllegalStateException(cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    name + " did not answer within " + timeoutMillis + " ms");
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException(name + " is shut down", e);
        }
    }

    /** Stops the thread, waiting (bounded) for the task at hand to end. */
    void shutdown() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("unexpected failure on {}", name, e);
            }
        };
    }
}
