package io.spate.testutils;

import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.connector.sink.DiscardingSink;
import io.spate.api.connector.source.lib.FromElementsSource;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.OutputTag;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.graph.Pipeline;
import io.spate.common.JobId;
import io.spate.common.concurrent.SpscArrayQueue;
import io.spate.common.time.ManualClock;
import io.spate.core.checkpoint.OperatorStateSnapshot;
import io.spate.core.checkpoint.SubtaskStateHandle;
import io.spate.core.operators.StreamElements;
import io.spate.core.plan.ChainedOperator;
import io.spate.core.plan.JobEdge;
import io.spate.core.plan.JobGraph;
import io.spate.core.plan.JobVertex;
import io.spate.core.plan.OperatorOutput;
import io.spate.core.plan.StreamPlanner;
import io.spate.runtime.exchange.ChannelId;
import io.spate.runtime.exchange.ControlEvent;
import io.spate.runtime.exchange.LocalExchange;
import io.spate.runtime.exchange.RecordBatch;
import io.spate.runtime.execution.ProgressState;
import io.spate.runtime.task.CheckpointResponder;
import io.spate.runtime.task.StreamTasklet;
import io.spate.runtime.task.TaskDeployment;
import io.spate.runtime.task.TaskEnvironment;
import io.spate.runtime.task.TaskMetrics;
import io.spate.runtime.task.TaskRestore;
import io.spate.state.heap.HeapStateBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Drives the operators a piece of DataStream code creates, call by call, on the calling thread,
 * through the real runtime path: the operators run in a {@link StreamTasklet} exactly as in a job,
 * but its input is fed one record at a time and each of its outputs holds a single batch of a
 * single record. The tasklet therefore finds its output full after every record and must resume
 * correctly, which is where operators and the runtime usually break.
 *
 * <pre>{@code
 * try (var h = OperatorTestHarness.of(Types.STRING, s -> s.map(String::length))) {
 *     h.processElement("spate");
 *     h.endInput();
 *     assertThat(h.getOutputValues()).containsExactly(5);
 * }
 * }</pre>
 *
 * <p>Time is the harness's: {@link #processWatermark} feeds a watermark as if from upstream, and
 * {@link #advanceProcessingTime} moves the manual clock the operators read, firing what is due.
 * Side outputs are captured when their tags are given to {@link #of(TypeInfo, Function,
 * OutputTag[])}.
 *
 * <p>{@link #snapshot} checkpoints the operators as a barrier from upstream would; {@link #restore}
 * starts a new harness from such a snapshot, which is how a test shows that state and timers
 * survive a failure, or that a savepoint of one version of the code restores into another.
 *
 * <p>The code under test must produce one fused chain (no {@code keyBy} inside it; put the {@code
 * keyBy} first: {@code s -> s.keyBy(k).process(f)} is fine). Not thread-safe.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
public final class OperatorTestHarness<IN, OUT> implements AutoCloseable {
    private static final int MAX_IDLE_CALLS = 10_000;

    private final ManualClock clock;
    private final StreamTasklet tasklet;
    private final SpscArrayQueue<Object> input;
    private final Capture<OUT> main;
    private final Map<String, Capture<Object>> sides = new LinkedHashMap<>();
    private final JobVertex vertex;
    private final List<Map<String, SubtaskStateHandle>> acknowledged = new ArrayList<>();
    private long lastCheckpointId;
    private boolean done;
    private boolean closed;

    /**
     * A checkpoint of a harness's operators — keyed state, timers, operator state — in a directory,
     * with the harness's processing time; {@link #restore} starts new operators from it.
     */
    public static final class Snapshot {
        private final TaskRestore restore;
        private final long processingTime;

        private Snapshot(TaskRestore restore, long processingTime) {
            this.restore = restore;
            this.processingTime = processingTime;
        }
    }

    /** An output record with its timestamp ({@code null} when it has none). */
    public record Record<T>(T value, Long timestamp) {}

    /** What arrived on one output. */
    private static final class Capture<T> {
        final SpscArrayQueue<Object> queue;
        final List<Record<T>> records = new ArrayList<>();
        final List<Long> watermarks = new ArrayList<>();

        Capture(SpscArrayQueue<Object> queue) {
            this.queue = queue;
        }

        /** Takes at most one item; returns whether it took one. */
        @SuppressWarnings("unchecked")
        boolean takeOne() {
            Object item = queue.poll();
            if (item instanceof RecordBatch) {
                RecordBatch b = (RecordBatch) item;
                for (int i = 0; i < b.size(); i++) {
                    records.add(
                            new Record<>(
                                    (T) b.record(i), StreamElements.userTimestamp(b.timestamp(i))));
                }
            } else if (item instanceof ControlEvent.Watermark) {
                watermarks.add(((ControlEvent.Watermark) item).timestamp());
            }
            return item != null;
        }
    }

    private OperatorTestHarness(
            Snapshot restoreFrom,
            TypeInfo<IN> inputType,
            Function<DataStream<IN>, ? extends DataStream<OUT>> code,
            OutputTag<?>... sideOutputs)
            throws Exception {
        clock = new ManualClock(restoreFrom == null ? 0 : restoreFrom.processingTime);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<IN> in =
                env.fromSource(new FromElementsSource<>(List.of()), "Harness input", inputType);
        DataStream<OUT> result = code.apply(in.rebalance());
        result.rebalance().sinkTo(new DiscardingSink<>());
        for (OutputTag<?> tag : sideOutputs) {
            if (!(result instanceof SingleOutputStreamOperator)) {
                throw new IllegalArgumentException(
                        "To capture side outputs the code must end with the operator that emits them");
            }
            ((SingleOutputStreamOperator<OUT>) result)
                    .getSideOutput(tag)
                    .rebalance()
                    .sinkTo(new DiscardingSink<>());
        }
        Pipeline pipeline =
                new Pipeline(
                        "harness",
                        env.getTransformations(),
                        env.getConfig(),
                        env.getConfiguration(),
                        clock);
        JobGraph graph = StreamPlanner.plan(pipeline, 1);
        int expected = 3 + sideOutputs.length;
        if (graph.vertices().size() != expected) {
            throw new IllegalArgumentException(
                    "The code under test must form one chain of operators, but it forms "
                            + (graph.vertices().size() - expected + 1)
                            + ":\n"
                            + graph.describe());
        }
        vertex = graph.vertices().get(1);
        JobEdge inEdge = graph.edge(vertex.inputEdges().get(0));
        JobId jobId = JobId.random();
        LocalExchange exchange = new LocalExchange(1);
        input = exchange.channel(new ChannelId(jobId, 0, inEdge.id(), 0, 0));
        Capture<OUT> mainCapture = null;
        for (ChainedOperator op : vertex.operators()) {
            for (OperatorOutput o : op.outputs()) {
                if (o.chained()) {
                    continue;
                }
                SpscArrayQueue<Object> q =
                        exchange.channel(new ChannelId(jobId, 0, o.target(), 0, 0));
                if (o.sideOutputId() == null) {
                    mainCapture = new Capture<>(q);
                } else {
                    sides.put(o.sideOutputId(), new Capture<>(q));
                }
            }
        }
        main = mainCapture;
        TaskEnvironment environment =
                new TaskEnvironment(
                        clock,
                        exchange,
                        new HeapStateBackend(),
                        OperatorTestHarness.class.getClassLoader(),
                        id -> null,
                        1,
                        1,
                        new Acknowledgements(),
                        Runnable::run);
        tasklet =
                new StreamTasklet(
                        new TaskDeployment(
                                jobId,
                                0,
                                graph,
                                vertex.id(),
                                0,
                                List.of(),
                                restoreFrom == null ? null : restoreFrom.restore),
                        environment);
        tasklet.init();
    }

    /** A harness around what {@code code} builds on a stream of {@code inputType}. */
    public static <IN, OUT> OperatorTestHarness<IN, OUT> of(
            TypeInfo<IN> inputType, Function<DataStream<IN>, DataStream<OUT>> code)
            throws Exception {
        return new OperatorTestHarness<>(null, inputType, code);
    }

    /**
     * A harness that also captures the side outputs named by {@code sideOutputs} of the last
     * operator {@code code} builds.
     */
    public static <IN, OUT> OperatorTestHarness<IN, OUT> of(
            TypeInfo<IN> inputType,
            Function<DataStream<IN>, SingleOutputStreamOperator<OUT>> code,
            OutputTag<?>... sideOutputs)
            throws Exception {
        return new OperatorTestHarness<>(null, inputType, code, sideOutputs);
    }

    /**
     * A harness as {@link #of(TypeInfo, Function, OutputTag[])} makes it, whose operators start
     * from {@code snapshot} — taken by this harness or another one, of the same or of changed code
     * — and whose clock starts at the snapshot's processing time. Operators find their state by
     * operator id: give them uids, or build the same pipeline. As in a job, the operators' current
     * watermark is not part of a snapshot: it starts afresh.
     */
    public static <IN, OUT> OperatorTestHarness<IN, OUT> restore(
            Snapshot snapshot,
            TypeInfo<IN> inputType,
            Function<DataStream<IN>, SingleOutputStreamOperator<OUT>> code,
            OutputTag<?>... sideOutputs)
            throws Exception {
        return new OperatorTestHarness<>(snapshot, inputType, code, sideOutputs);
    }

    /** The clock the operators read processing time from. */
    public ManualClock clock() {
        return clock;
    }

    public void processElement(IN value) throws Exception {
        processElement(value, StreamElements.NO_TIMESTAMP);
    }

    /** Feeds one record and runs the tasklet until it has taken it. */
    public void processElement(IN value, long timestamp) throws Exception {
        RecordBatch batch = new RecordBatch(1);
        batch.add(value, timestamp);
        feed(batch);
    }

    /** Feeds a watermark, as if every upstream subtask had reached it, and runs what it fires. */
    public void processWatermark(long watermark) throws Exception {
        feed(new ControlEvent.Watermark(watermark));
        settle();
    }

    /** Moves processing time forward and runs what becomes due. */
    public void advanceProcessingTime(Duration amount) throws Exception {
        clock.advance(amount);
        settle();
    }

    /** Ends the input and runs the tasklet until it has finished. */
    public void endInput() throws Exception {
        feed(ControlEvent.END_OF_INPUT);
        int idle = 0;
        while (!done) {
            if (!step()) {
                if (++idle > MAX_IDLE_CALLS) {
                    throw new IllegalStateException(
                            "The tasklet did not finish after its input ended");
                }
            } else {
                idle = 0;
            }
        }
    }

    private void feed(Object item) throws Exception {
        if (done) {
            throw new IllegalStateException("The tasklet has finished; it takes no more input");
        }
        int idle = 0;
        while (!input.offer(item)) {
            if (!step() && ++idle > MAX_IDLE_CALLS) {
                throw new IllegalStateException("The tasklet does not take input (stuck?)");
            }
        }
        // Let the tasklet handle it, one call and one output slot at a time.
        while (!input.isEmpty() && !done) {
            if (!step() && ++idle > MAX_IDLE_CALLS) {
                throw new IllegalStateException("The tasklet does not take input (stuck?)");
            }
        }
    }

    /** Calls the tasklet until a few calls in a row change nothing. */
    private void settle() throws Exception {
        int quiet = 0;
        while (!done && quiet < 3) {
            quiet = step() ? 0 : quiet + 1;
        }
    }

    /** One call of the tasklet, then takes at most one item from each one-slot output. */
    private boolean step() throws Exception {
        ProgressState state = tasklet.call();
        boolean progress = state != ProgressState.NO_PROGRESS;
        if (state == ProgressState.DONE) {
            done = true;
        }
        progress |= main.takeOne();
        for (Capture<Object> side : sides.values()) {
            progress |= side.takeOne();
        }
        return progress;
    }

    /** Everything emitted to the main output so far, with timestamps. */
    public List<Record<OUT>> getOutput() {
        return List.copyOf(main.records);
    }

    /** The values emitted to the main output so far. */
    public List<OUT> getOutputValues() {
        List<OUT> values = new ArrayList<>(main.records.size());
        for (Record<OUT> r : main.records) {
            values.add(r.value());
        }
        return values;
    }

    /** The watermarks the main output has carried so far. */
    public List<Long> getWatermarks() {
        return List.copyOf(main.watermarks);
    }

    /** Everything emitted to a side output captured by this harness. */
    @SuppressWarnings("unchecked")
    public <X> List<Record<X>> getSideOutput(OutputTag<X> tag) {
        Capture<Object> side = sides.get(tag.getId());
        if (side == null) {
            throw new IllegalArgumentException(
                    "Side output '" + tag.getId() + "' is not captured; pass its tag to of(...)");
        }
        List<Record<X>> out = new ArrayList<>();
        for (Record<Object> r : side.records) {
            out.add(new Record<>((X) r.value(), r.timestamp()));
        }
        return out;
    }

    /**
     * Takes a checkpoint of the operators into {@code directory} (which must be new or empty), as a
     * barrier from upstream starts one, and returns it for {@link #restore}. The operators go on
     * running afterwards.
     */
    public Snapshot snapshot(Path directory) throws Exception {
        long checkpointId = ++lastCheckpointId;
        int before = acknowledged.size();
        feed(
                new ControlEvent.Barrier(
                        checkpointId, clock.millis(), directory.toString(), true, false));
        settle();
        if (acknowledged.size() != before + 1) {
            throw new IllegalStateException(
                    "The operators did not complete checkpoint " + checkpointId);
        }
        Map<String, SubtaskStateHandle> handles = acknowledged.get(before);
        int maxParallelism = vertex.maxParallelism();
        Map<String, OperatorStateSnapshot> operators = new LinkedHashMap<>();
        handles.forEach(
                (id, handle) ->
                        operators.put(
                                id,
                                new OperatorStateSnapshot(id, 1, maxParallelism, List.of(handle))));
        return new Snapshot(new TaskRestore(directory, operators), clock.millis());
    }

    /** Keeps what the subtask acknowledges; it runs on the test's thread (I/O runs inline). */
    private final class Acknowledgements implements CheckpointResponder {
        @Override
        public void acknowledge(
                TaskDeployment task, long checkpointId, Map<String, SubtaskStateHandle> states) {
            acknowledged.add(Map.copyOf(states));
        }

        @Override
        public void decline(TaskDeployment task, long checkpointId, Throwable cause) {
            throw new IllegalStateException(
                    "The operators declined checkpoint " + checkpointId, cause);
        }

        @Override
        public void sourceExhausted(TaskDeployment task) {}
    }

    /** Forgets the output collected so far. */
    public void clearOutput() {
        main.records.clear();
        main.watermarks.clear();
        sides.values().forEach(s -> s.records.clear());
    }

    /** The counters of the tasklet. */
    public TaskMetrics metrics() {
        return tasklet.metrics();
    }

    @Override
    public void close() throws Exception {
        if (!closed) {
            closed = true;
            tasklet.close();
        }
    }
}
