package io.spate.runtime.execution;

import io.spate.annotations.Internal;
import io.spate.annotations.ThreadSafe;
import io.spate.common.concurrent.BackoffIdleStrategy;
import io.spate.common.concurrent.IdleStrategy;
import io.spate.common.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasklets: cooperative ones on a fixed pool of worker threads (one per core by default),
 * blocking ones on a thread each.
 *
 * <p>A cooperative tasklet is assigned to one worker for its whole life (the worker with the fewest
 * tasklets), so its state is only ever touched by that thread. Each worker calls its tasklets in
 * turn; when a whole pass made no progress it backs off (spins, yields, then parks up to a
 * millisecond). A tasklet that throws or is cancelled is closed and removed; the others on the same
 * worker carry on.
 */
@Internal
@ThreadSafe
public final class TaskletExecutionService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskletExecutionService.class);

    private final String name;
    private final Worker[] workers;
    private final AtomicInteger blockingThreads = new AtomicInteger();
    private final List<Thread> blockingRunning = new ArrayList<>();
    private volatile boolean shutdown;
    private final Object lifecycle = new Object();

    /**
     * Starts {@code workerThreads} worker threads named {@code <name>-worker-<i>}.
     *
     * @param name a prefix for the threads' names
     */
    public TaskletExecutionService(String name, int workerThreads) {
        if (workerThreads < 1) {
            throw new IllegalArgumentException(
                    "need at least one worker thread, got " + workerThreads);
        }
        this.name = name;
        this.workers = new Worker[workerThreads];
        for (int i = 0; i < workerThreads; i++) {
            workers[i] = new Worker(name + "-worker-" + i);
            workers[i].thread.start();
        }
    }

    public int workerThreads() {
        return workers.length;
    }

    /** Starts running {@code tasklet}. */
    public TaskletHandle submit(Tasklet tasklet) {
        synchronized (lifecycle) {
            // Under the lock shared with shutdown(), so that a tasklet is either refused or
            // handed to a worker that will still drain it.
            if (shutdown) {
                throw new IllegalStateException("The tasklet execution service is shut down");
            }
            return dispatch(tasklet);
        }
    }

    private TaskletHandle dispatch(Tasklet tasklet) {
        TaskletHandle handle = new TaskletHandle(tasklet);
        if (tasklet.isCooperative()) {
            Worker least = workers[0];
            for (Worker w : workers) {
                if (w.load.get() < least.load.get()) {
                    least = w;
                }
            }
            least.load.incrementAndGet();
            least.incoming.add(handle);
            LockSupport.unpark(least.thread);
        } else {
            Thread t =
                    new Thread(
                            () -> runBlocking(handle),
                            name + "-blocking-" + blockingThreads.incrementAndGet());
            t.setDaemon(true);
            handle.runner = t;
            synchronized (blockingRunning) {
                blockingRunning.add(t);
            }
            t.start();
        }
        return handle;
    }

    private void runBlocking(TaskletHandle handle) {
        IdleStrategy idle = BackoffIdleStrategy.forWorkers();
        try {
            if (!start(handle)) {
                return;
            }
            while (true) {
                int state = step(handle);
                if (state != STEP_CONTINUE_IDLE && state != STEP_CONTINUE_PROGRESS) {
                    return;
                }
                idle.idle(state == STEP_CONTINUE_PROGRESS);
            }
        } finally {
            synchronized (blockingRunning) {
                blockingRunning.remove(Thread.currentThread());
            }
        }
    }

    private static final int STEP_CONTINUE_IDLE = 0;
    private static final int STEP_CONTINUE_PROGRESS = 1;
    private static final int STEP_ENDED = 2;

    /** Calls {@code init}; on failure, closes and completes the handle. */
    private boolean start(TaskletHandle handle) {
        handle.runner = Thread.currentThread();
        try {
            handle.tasklet.init();
            handle.started.complete(null);
            return true;
        } catch (Throwable t) {
            finish(handle, t);
            return false;
        }
    }

    /** One call of a tasklet, with cancellation, failure and completion handled. */
    private int step(TaskletHandle handle) {
        if (handle.isCancelRequested() || shutdown) {
            finish(
                    handle,
                    new CancellationException(
                            "Tasklet " + handle.tasklet.name() + " was cancelled"));
            return STEP_ENDED;
        }
        try {
            ProgressState state = handle.tasklet.call();
            if (state == ProgressState.DONE) {
                finish(handle, null);
                return STEP_ENDED;
            }
            return state == ProgressState.MADE_PROGRESS
                    ? STEP_CONTINUE_PROGRESS
                    : STEP_CONTINUE_IDLE;
        } catch (Throwable t) {
            // Cancellation and shutdown both interrupt a blocking tasklet's thread.
            if (t instanceof InterruptedException && (handle.isCancelRequested() || shutdown)) {
                t =
                        new CancellationException(
                                handle.isCancelRequested()
                                        ? "Tasklet " + handle.tasklet.name() + " was cancelled"
                                        : "The engine shut down");
            }
            finish(handle, t);
            return STEP_ENDED;
        }
    }

    private static void finish(TaskletHandle handle, Throwable failure) {
        Throwable closeFailure = null;
        try {
            handle.tasklet.close();
        } catch (Throwable t) {
            closeFailure = t;
        }
        Thread.interrupted(); // do not leak an interrupt from cancellation into the next tasklet
        if (failure == null && closeFailure != null) {
            failure = closeFailure;
        } else if (failure != null && closeFailure != null && closeFailure != failure) {
            failure.addSuppressed(closeFailure);
        }
        if (failure == null) {
            handle.completion().complete(null);
        } else {
            handle.completion().completeExceptionally(failure);
        }
    }

    /**
     * Stops all threads: tasklets still running are cancelled and closed. Waits up to {@code
     * timeoutMillis} for the threads to end.
     */
    public void shutdown(long timeoutMillis) {
        synchronized (lifecycle) {
            shutdown = true;
        }
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
        List<Thread> blocking;
        synchronized (blockingRunning) {
            blocking = new ArrayList<>(blockingRunning);
        }
        for (Thread t : blocking) {
            t.interrupt();
        }
        Clock clock = Clock.system();
        long deadline = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long start = clock.nanoTime();
        List<Thread> all = new ArrayList<>(blocking);
        for (Worker w : workers) {
            all.add(w.thread);
        }
        for (Thread t : all) {
            long left = deadline - (clock.nanoTime() - start);
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.isAlive()) {
                LOG.warn("Thread {} did not stop within {} ms", t.getName(), timeoutMillis);
            }
        }
    }

    @Override
    public void close() {
        shutdown(10_000);
    }

    private final class Worker implements Runnable {
        final Thread thread;
        final ConcurrentLinkedQueue<TaskletHandle> incoming = new ConcurrentLinkedQueue<>();
        final AtomicInteger load = new AtomicInteger();
        private final List<TaskletHandle> tasklets = new ArrayList<>();
        private final IdleStrategy idle = BackoffIdleStrategy.forWorkers();

        Worker(String threadName) {
            this.thread = new Thread(this, threadName);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (!shutdown) {
                for (TaskletHandle h; (h = incoming.poll()) != null; ) {
                    if (start(h)) {
                        tasklets.add(h);
                    } else {
                        load.decrementAndGet();
                    }
                }
                boolean progress = false;
                for (int i = 0; i < tasklets.size(); ) {
                    int state = step(tasklets.get(i));
                    if (state == STEP_ENDED) {
                        tasklets.remove(i);
                        load.decrementAndGet();
                        progress = true;
                    } else {
                        progress |= state == STEP_CONTINUE_PROGRESS;
                        i++;
                    }
                }
                idle.idle(progress);
            }
            // Shut down: cancel what is left, on this thread, which owns it.
            for (TaskletHandle h : tasklets) {
                finish(h, new CancellationException("The engine shut down"));
            }
            tasklets.clear();
            for (TaskletHandle h; (h = incoming.poll()) != null; ) {
                h.completion()
                        .completeExceptionally(new CancellationException("The engine shut down"));
            }
        }
    }
}
