package io.spate.runtime.execution;

import io.spate.annotations.Internal;
import io.spate.annotations.ThreadSafe;
import java.util.concurrent.CompletableFuture;

/**
 * A tasklet submitted to a {@link TaskletExecutionService}: a future that completes when the
 * tasklet is done (normally, with its failure, or with a {@link
 * java.util.concurrent.CancellationException} after {@link #cancel()}), and the way to cancel it.
 */
@Internal
@ThreadSafe
public final class TaskletHandle {
    final Tasklet tasklet;
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    final CompletableFuture<Void> started = new CompletableFuture<>();
    private volatile boolean cancelRequested;
    volatile Thread runner;

    TaskletHandle(Tasklet tasklet) {
        this.tasklet = tasklet;
    }

    public Tasklet tasklet() {
        return tasklet;
    }

    public CompletableFuture<Void> completion() {
        return completion;
    }

    /**
     * Completes once the tasklet's {@code init} has returned (its state restored, its channels
     * connected) and a worker calls it; never when {@code init} fails.
     */
    public CompletableFuture<Void> started() {
        return started;
    }

    /**
     * Asks the tasklet to stop. The worker notices before its next call, closes the tasklet and
     * completes the future with a cancellation; a blocking tasklet's thread is interrupted too.
     */
    public void cancel() {
        cancelRequested = true;
        Thread t = runner;
        if (t != null && !tasklet.isCooperative()) {
            t.interrupt();
        }
    }

    boolean isCancelRequested() {
        return cancelRequested;
    }
}
