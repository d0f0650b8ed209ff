package io.spate.runtime.execution;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tasklet whose every call does what its {@link Behaviour} says, and which records what the
 * service did with it: on which threads it was initialised, called and closed, and how often.
 */
final class TestingTasklet implements Tasklet {

    /** What the {@code n}-th call (from 1) does. */
    @FunctionalInterface
    interface Behaviour {
        ProgressState call(int n) throws Exception;
    }

    private final String name;
    private final boolean cooperative;
    private final Behaviour behaviour;

    final AtomicInteger inits = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    final Set<Thread> callThreads = ConcurrentHashMap.newKeySet();
    volatile Thread initThread;
    volatile Thread closeThread;
    volatile Exception initFailure;
    volatile Exception closeFailure;

    TestingTasklet(String name, boolean cooperative, Behaviour behaviour) {
        this.name = name;
        this.cooperative = cooperative;
        this.behaviour = behaviour;
    }

    static TestingTasklet cooperative(String name, Behaviour behaviour) {
        return new TestingTasklet(name, true, behaviour);
    }

    static TestingTasklet blocking(String name, Behaviour behaviour) {
        return new TestingTasklet(name, false, behaviour);
    }

    /** Done after {@code n} calls that made progress. */
    static Behaviour doneAfter(int n) {
        return call -> call >= n ? ProgressState.DONE : ProgressState.MADE_PROGRESS;
    }

    /** No progress until {@code gate} opens, then done. */
    static Behaviour idleUntil(Gate gate) {
        return call -> gate.isOpen() ? ProgressState.DONE : ProgressState.NO_PROGRESS;
    }

    /** Never done. */
    static Behaviour forever() {
        return call -> ProgressState.NO_PROGRESS;
    }

    /** A flag a test opens. */
    static final class Gate {
        private volatile boolean open;

        void open() {
            open = true;
        }

        boolean isOpen() {
            return open;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isCooperative() {
        return cooperative;
    }

    @Override
    public void init() throws Exception {
        initThread = Thread.currentThread();
        inits.incrementAndGet();
        if (initFailure != null) {
            throw initFailure;
        }
    }

    @Override
    public ProgressState call() throws Exception {
        callThreads.add(Thread.currentThread());
        return behaviour.call(calls.incrementAndGet());
    }

    @Override
    public void close() throws Exception {
        closeThread = Thread.currentThread();
        closes.incrementAndGet();
        if (closeFailure != null) {
            throw closeFailure;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
