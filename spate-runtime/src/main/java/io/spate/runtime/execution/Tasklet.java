package io.spate.runtime.execution;

import io.spate.annotations.Internal;

/**
 * A unit of cooperative work: one subtask of a fused chain. The {@link TaskletExecutionService}
 * calls it from one thread at a time (the worker it is assigned to), in this order:
 *
 * <pre>
 *   init ──► call ──► call ──► ... ──► (DONE | exception | cancellation) ──► close
 * </pre>
 *
 * <p>A cooperative tasklet's {@link #call} does a bounded amount of work and returns; it never
 * blocks, sleeps or waits, because other tasklets share its thread. When it cannot go on (no input,
 * output queues full) it returns {@link ProgressState#NO_PROGRESS}. A tasklet that must block says
 * so with {@link #isCooperative()} {@code = false} and gets a thread of its own.
 *
 * <p>An exception from {@code init} or {@code call} ends the tasklet as failed; {@code close} is
 * still called.
 */
@Internal
public interface Tasklet {

    /** A name for logs and errors, e.g. {@code "Map -> Filter (2/4)"}. */
    String name();

    /** Whether the tasklet can share a worker thread; {@code false} for blocking ones. */
    boolean isCooperative();

    /** Prepares the tasklet on the thread that will call it. */
    void init() throws Exception;

    /** Does some work and says how it went. */
    ProgressState call() throws Exception;

    /** Releases resources; called exactly once, last, on the tasklet's thread. */
    void close() throws Exception;
}
