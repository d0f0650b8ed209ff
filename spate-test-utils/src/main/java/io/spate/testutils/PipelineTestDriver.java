package io.spate.testutils;

import io.spate.annotations.NotThreadSafe;
import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.graph.Pipeline;
import io.spate.common.JobId;
import io.spate.common.time.ManualClock;
import io.spate.core.plan.JobGraph;
import io.spate.core.plan.JobVertex;
import io.spate.core.plan.StreamPlanner;
import io.spate.runtime.exchange.LocalExchange;
import io.spate.runtime.execution.ProgressState;
import io.spate.runtime.task.SplitAssignment;
import io.spate.runtime.task.StreamTasklet;
import io.spate.runtime.task.TaskDeployment;
import io.spate.runtime.task.TaskEnvironment;
import io.spate.runtime.task.TaskMetrics;
import io.spate.state.heap.HeapStateBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Runs a whole pipeline — several operators, keyed exchanges, parallel subtasks, side outputs —
 * deterministically on the calling thread, with a manual clock. It is the tool for testing
 * event-time logic: the test feeds timestamped records, moves watermarks and processing time, and
 * reads what came out.
 *
 * <pre>{@code
 * try (var driver = new PipelineTestDriver()) {
 *     TestInput<Click> clicks = driver.input(Types.of(Click.class));
 *     SingleOutputStreamOperator<String> alerts =
 *             clicks.stream().keyBy(Click::user).process(new SilenceAlert());
 *     TestOutput<String> out = driver.capture(alerts);
 *
 *     clicks.add(new Click("ann"), 1_000);
 *     clicks.advanceWatermark(70_000);
 *     assertThat(out.values()).containsExactly("ann silent since 1000");
 *     driver.advanceProcessingTime(Duration.ofMinutes(5));
 * }
 * }</pre>
 *
 * <h2>How it runs</h2>
 *
 * <pre>
 *   TestInput ──► [ map ] ──keyBy──► [ process ] (2 subtasks) ──► TestOutput
 *   (driver writes                        └── side output ──────► TestOutput
 *    into the exchange)                                          (driver reads the exchange)
 * </pre>
 *
 * Build the pipeline first: inputs with {@link #input}, operators on {@link TestInput#stream()} (or
 * on any source of {@link #env()}), and captures with {@link #capture}. The first call that needs
 * the pipeline — adding to an input, moving time, reading an output, {@link #run()} — plans the job
 * with the real planner and creates a {@link StreamTasklet} for every subtask of every vertex, all
 * over one in-process exchange. From then on, after every input and every step of time, the driver
 * calls the tasklets round robin, in topological order, until a whole round changes nothing; so
 * when a call returns, everything it caused has happened. Test inputs and captures are no tasklets:
 * the driver writes an input's records, watermarks, idleness and end into the channels its
 * consumers read, and reads the channels of a captured stream itself. Nothing runs on another
 * thread, and the same calls give the same results every time.
 *
 * <h2>Time</h2>
 *
 * <ul>
 *   <li><b>Processing time</b> is the driver's {@link ManualClock}, starting at 0. {@link
 *       #advanceProcessingTime} moves it and stops at every pending processing-time callback on the
 *       way, so that timers fire at their time, in order, and see that time as the current one.
 *       Periodic watermarks and idleness timeouts follow this clock too. A real source that waits
 *       for the clock (a rate limit) is polled whenever the clock stops, not in between.
 *   <li><b>Event time</b> moves only when the test says: a test input's watermark is what {@link
 *       TestInput#advanceWatermark} says (no generator, no idleness timeout), and operators combine
 *       their inputs' watermarks exactly as in a job. When an input ends, its event time ends:
 *       every event-time timer downstream fires.
 * </ul>
 *
 * <p>Not thread-safe. Close the driver to close the operators.
 */
@Public
@NotThreadSafe
public final class PipelineTestDriver implements AutoCloseable {
    /** Records per batch and batches per channel: small, so that backpressure paths run too. */
    private static final int BATCH_SIZE = 16;

    private static final int QUEUE_CAPACITY = 4;
    private static final int RECORDS_PER_CALL = 64;

    /** Rounds after which a pipeline that never settles is considered stuck in a loop. */
    private static final int MAX_ROUNDS = 1_000_000;

    private enum State {
        BUILDING,
        RUNNING,
        FAILED,
        CLOSED
    }

    private final ManualClock clock = new ManualClock(0);
    private final StreamExecutionEnvironment env;
    private final List<TestInput<?>> inputs = new ArrayList<>();
    private final List<TestOutput<?>> outputs = new ArrayList<>();
    private final List<StreamTasklet> tasklets = new ArrayList<>();
    private final List<StreamTasklet> running = new ArrayList<>();
    private State state = State.BUILDING;
    private RuntimeException failure;

    /** A driver whose operators run with parallelism 1 unless they set their own. */
    public PipelineTestDriver() {
        this(1);
    }

    /** A driver whose operators run with {@code parallelism} unless they set their own. */
    public PipelineTestDriver(int parallelism) {
        env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setClock(clock);
    }

    /**
     * The environment the pipeline is built in: for its configuration and parallelism, and for real
     * sources (which the driver runs like any other operator). Do not call {@code execute()} on it:
     * the driver runs the pipeline.
     */
    public StreamExecutionEnvironment env() {
        return env;
    }

    /** A test input with one split. */
    public <T> TestInput<T> input(TypeInfo<T> type) {
        return input(type, 1);
    }

    /**
     * A test input with {@code splits} splits, each read by a subtask of its own and each with its
     * own watermark and idleness; the operators reading the input combine them as they combine the
     * subtasks of any source.
     */
    public <T> TestInput<T> input(TypeInfo<T> type, int splits) {
        Objects.requireNonNull(type, "type");
        if (splits < 1) {
            throw new IllegalArgumentException("A test input needs at least one split");
        }
        requireBuilding("create an input");
        TestInput<T> in = new TestInput<>(this, type, splits, "Test input " + (inputs.size() + 1));
        inputs.add(in);
        return in;
    }

    /**
     * Captures the elements, timestamps and watermarks of {@code stream}, which may be a side
     * output ({@code operator.getSideOutput(tag)}). Call before the pipeline starts.
     */
    public <T> TestOutput<T> capture(DataStream<T> stream) {
        Objects.requireNonNull(stream, "stream");
        requireBuilding("capture a stream");
        if (stream.getExecutionEnvironment() != env) {
            throw new IllegalArgumentException(
                    "The stream was not built in this driver's environment; build on"
                            + " driver.env() or on a test input's stream()");
        }
        TestOutput<T> out = new TestOutput<>(this, stream, "Capture " + (outputs.size() + 1));
        outputs.add(out);
        return out;
    }

    /** The current processing time, in milliseconds. */
    public long currentProcessingTime() {
        return clock.millis();
    }

    /**
     * Moves processing time forward by {@code amount}, stopping at every pending processing-time
     * callback on the way (timers, periodic watermarks, idleness checks) and running the pipeline
     * after each.
     */
    public void advanceProcessingTime(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Processing time cannot go back by " + amount);
        }
        requireRunning();
        long targetNanos = Math.addExact(clock.nanoTime(), amount.toNanos());
        long previous = Long.MIN_VALUE;
        while (true) {
            long next = nextProcessingTime();
            if (next > Math.floorDiv(targetNanos, 1_000_000L)) {
                break;
            }
            if (next <= previous) {
                throw new IllegalStateException(
                        "A processing-time callback due at "
                                + next
                                + " ms does not run: its subtask's output is blocked");
            }
            previous = next;
            if (next > clock.millis()) {
                clock.advanceTo(next);
            }
            settle();
        }
        clock.advance(Duration.ofNanos(targetNanos - clock.nanoTime()));
        settle();
    }

    /**
     * Starts the pipeline if it has not started, and runs it until nothing moves. Input and time
     * calls do this by themselves; call it when the only inputs are real sources.
     */
    public void run() {
        requireRunning();
        settle();
    }

    /** Whether every subtask has finished (every input ended and everything was delivered). */
    public boolean isFinished() {
        return state == State.RUNNING && running.isEmpty();
    }

    /**
     * The counters of the pipeline so far, summed over subtasks: the functions' own ({@code
     * getRuntimeContext().getCounter(name)}) and per operator {@code <name>.numRecordsIn} and
     * {@code .numRecordsOut}.
     */
    public Map<String, Long> getCounters() {
        Map<String, Long> totals = new TreeMap<>();
        for (StreamTasklet t : tasklets) {
            t.metrics()
                    .snapshot()
                    .forEach((k, v) -> totals.merge(k, v, (a, b) -> TaskMetrics.merge(k, a, b)));
        }
        return totals;
    }

    /** A counter's total over subtasks, or 0 when no subtask created it. */
    public long getCounter(String name) {
        return getCounters().getOrDefault(name, 0L);
    }

    /** Closes every operator. The outputs keep what they captured. */
    @Override
    public void close() throws Exception {
        if (state == State.CLOSED) {
            return;
        }
        boolean failed = state == State.FAILED;
        state = State.CLOSED;
        Exception closing = closeTasklets();
        if (closing != null && !failed) {
            throw closing;
        }
    }

    // ------------------------------------------------------------------ for inputs and outputs

    /** Throws unless the pipeline is still being built. */
    void requireBuilding(String action) {
        if (state != State.BUILDING) {
            throw new IllegalStateException(
                    "Cannot "
                            + action
                            + ": the pipeline has started. Create inputs and captures before the"
                            + " first input, time or output call.");
        }
    }

    /** Starts the pipeline when it is being built; throws when it failed or was closed. */
    void requireRunning() {
        switch (state) {
            case BUILDING:
                start();
                break;
            case FAILED:
                throw new IllegalStateException("The pipeline failed earlier", failure);
            case CLOSED:
                throw new IllegalStateException("The driver is closed");
            default:
        }
    }

    /** Starts the pipeline if it is still being built (for reading outputs). */
    void startIfBuilding() {
        if (state == State.BUILDING) {
            start();
        }
    }

    /**
     * Calls the tasklets round robin, and moves the inputs' and outputs' items, until a whole round
     * changes nothing.
     */
    void settle() {
        try {
            for (int round = 0; ; round++) {
                if (round == MAX_ROUNDS) {
                    throw new IllegalStateException(
                            "The pipeline keeps running after "
                                    + MAX_ROUNDS
                                    + " rounds: does a real source never run out? Use a test"
                                    + " input or a bounded source.");
                }
                boolean progress = false;
                for (TestInput<?> in : inputs) {
                    progress |= in.flush();
                }
                progress |= drainOutputs();
                for (int i = 0; i < running.size(); ) {
                    StreamTasklet t = running.get(i);
                    ProgressState s = t.call();
                    progress |= s != ProgressState.NO_PROGRESS;
                    progress |= drainOutputs();
                    if (s == ProgressState.DONE) {
                        running.remove(i);
                        t.close();
                    } else {
                        i++;
                    }
                }
                if (!progress) {
                    return;
                }
            }
        } catch (Exception e) {
            throw fail(e);
        }
    }

    // ------------------------------------------------------------------ internals

    private boolean drainOutputs() {
        boolean moved = false;
        for (TestOutput<?> out : outputs) {
            moved |= out.drain();
        }
        return moved;
    }

    private void start() {
        state = State.RUNNING;
        try {
            JobGraph graph =
                    StreamPlanner.plan(
                            new Pipeline(
                                    "Pipeline test",
                                    env.getTransformations(),
                                    env.getConfig(),
                                    env.getConfiguration(),
                                    clock),
                            1);
            LocalExchange exchange = new LocalExchange(QUEUE_CAPACITY);
            JobId jobId = JobId.random();
            ClassLoader classLoader = classLoader();
            TaskEnvironment taskEnv =
                    new TaskEnvironment(
                            clock,
                            exchange,
                            new HeapStateBackend(),
                            classLoader,
                            id -> null,
                            BATCH_SIZE,
                            RECORDS_PER_CALL,
                            io.spate.runtime.task.CheckpointResponder.NONE,
                            Runnable::run);
            Wiring wiring = new Wiring(graph, exchange, jobId, BATCH_SIZE);
            for (JobVertex v : graph.vertices()) {
                if (connectTestEnd(v, wiring)) {
                    continue;
                }
                List<List<SourceSplit>> splits =
                        v.isSource() ? SplitAssignment.assign(v, classLoader) : null;
                for (int i = 0; i < v.parallelism(); i++) {
                    StreamTasklet t =
                            new StreamTasklet(
                                    new TaskDeployment(
                                            jobId,
                                            0,
                                            graph,
                                            v.id(),
                                            i,
                                            splits == null ? List.of() : splits.get(i)),
                                    taskEnv);
                    tasklets.add(t);
                    running.add(t);
                    t.init();
                }
            }
        } catch (Exception e) {
            throw fail(e);
        }
        settle();
    }

    /** Connects the vertex if it is a test input or a capture; returns whether it was. */
    private boolean connectTestEnd(JobVertex v, Wiring wiring) {
        int head = v.head().transformationId();
        for (TestInput<?> in : inputs) {
            if (in.transformationId() == head) {
                in.connect(v, wiring);
                return true;
            }
        }
        for (TestOutput<?> out : outputs) {
            if (out.transformationId() == head) {
                out.connect(v, wiring);
                return true;
            }
        }
        return false;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PipelineTestDriver.class.getClassLoader();
    }

    private long nextProcessingTime() {
        long next = Long.MAX_VALUE;
        for (StreamTasklet t : running) {
            next = Math.min(next, t.nextProcessingTime());
        }
        return next;
    }

    /** Marks the driver failed, closes the operators and returns the exception to throw. */
    private RuntimeException fail(Exception e) {
        if (state == State.FAILED) {
            return failure;
        }
        state = State.FAILED;
        Exception closing = closeTasklets();
        if (closing != null) {
            e.addSuppressed(closing);
        }
        failure =
                e instanceof RuntimeException
                        ? (RuntimeException) e
                        : new IllegalStateException("The pipeline failed: " + e.getMessage(), e);
        return failure;
    }

    /** Closes the unfinished tasklets; returns the first failure, the others suppressed. */
    private Exception closeTasklets() {
        Exception first = null;
        for (StreamTasklet t : running) {
            try {
                t.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        running.clear();
        return first;
    }
}
