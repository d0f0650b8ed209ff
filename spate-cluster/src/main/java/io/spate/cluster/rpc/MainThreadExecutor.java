package io.spate.cluster.rpc;

import io.spate.annotations.Internal;
import io.spate.annotations.ThreadSafe;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread of an RPC endpoint (the mailbox idea): every gateway call and every callback
 * that touches the endpoint's state runs here, one at a time, so that state needs no locks.
 */
@Internal
@ThreadSafe
public final class MainThreadExecutor implements Executor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MainThreadExecutor.class);
    private static final Runnable POISON = () -> {};

    private final LinkedBlockingQueue<Runnable> mailbox = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    public MainThreadExecutor(String threadName) {
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (true) {
            Runnable r;
            try {
                r = mailbox.take();
            } catch (InterruptedException e) {
                return;
            }
            if (r == POISON) {
                return;
            }
            try {
                r.run();
            } catch (Throwable t) {
                LOG.error("Unhandled error in {}", thread.getName(), t);
            }
        }
    }

    @Override
    public void execute(Runnable command) {
        // Checked and queued atomically with close(): nothing may queue behind the stop marker,
        // where it would never run and its caller's future never complete.
        synchronized (mailbox) {
            if (closed) {
                throw new RejectedExecutionException(thread.getName() + " is shut down");
            }
            mailbox.add(command);
        }
    }

    public boolean isMainThread() {
        return Thread.currentThread() == thread;
    }

    /** Throws unless called on this executor's thread. */
    public void assertMainThread() {
        if (!isMainThread()) {
            throw new IllegalStateException(
                    "must run on "
                            + thread.getName()
                            + ", not "
                            + Thread.currentThread().getName());
        }
    }

    /** Runs what is queued, then stops the thread; waits for it unless called from it. */
    @Override
    public void close() {
        synchronized (mailbox) {
            if (closed) {
                return;
            }
            closed = true;
            mailbox.add(POISON);
        }
        if (!isMainThread()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
