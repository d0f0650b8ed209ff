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
import io.spate.core.operators.StreamElements;
import io.spate.core.plan.ChainedOperator;
import io.spate.core.plan.JobEdge;
import io.spate.core.plan.JobGraph;
import io.spate.core.plan.JobVertex;
import io.spate.core.plan.OperatorOutput;
import io.spate.core.plan.StreamPlanner;
import io.spate.core.state.KeyedBackendParameters;
import io.spate.core.state.KeyedStateBackend;
import io.spate.core.state.StateBackend;
import io.spate.runtime.exchange.ChannelId;
import io.spate.runtime.exchange.ControlEvent;
import io.spate.runtime.exchange.LocalExchange;
import io.spate.runtime.exchange.RecordBatch;
import io.spate.runtime.execution.ProgressState;
import io.spate.runtime.task.StreamTasklet;
import io.spate.runtime.task.TaskDeployment;
import io.spate.runtime.task.TaskEnvironment;
import io.spate.runtime.task.TaskMetrics;
import io.spate.state.heap.HeapStateBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The two-input sibling of {@link OperatorTestHarness}: drives the operators that a piece of
 * DataStream code builds on two streams ({@code connect}, interval joins, broadcast state), call by
 * call on the calling thread, through the real runtime path. Each input is fed on its own, records
 * and watermarks alike, so a test decides exactly how the two inputs interleave and how far each
 * one's event time has come; the operator sees the minimum of the two, as in a job. Every output
 * holds a single record, so the operator must resume correctly after each one.
 *
 * <pre>{@code
 * try (var h = TwoInputOperatorTestHarness.of(Types.LONG, Types.STRING,
 *         (a, b) -> a.connect(b).map(new MyCoMap()))) {
 *     h.processElement1(1L);
 *     h.processElement2("x");
 *     h.endInput();
 *     assertThat(h.getOutputValues()).containsExactly("n1", "wx");
 * }
 * }</pre>
 *
 * <p>The code under test must end in one fused chain headed by the two-input operator; {@code
 * keyBy} and {@code broadcast(...)} on the inputs are fine (they are the exchanges into it). Not
 * thread-safe.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
public final class TwoInputOperatorTestHarness<IN1, IN2, OUT> implements AutoCloseable {
    private static final int MAX_IDLE_CALLS = 10_000;

    private final ManualClock clock = new ManualClock(0);
    private final RecordingStateBackend stateBackend = new RecordingStateBackend();
    private final StreamTasklet tasklet;
    private final SpscArrayQueue<Object> input1;
    private final SpscArrayQueue<Object> input2;
    private final Capture<OUT> main;
    private final Map<String, Capture<Object>> sides = new LinkedHashMap<>();
    private final List<SpscArrayQueue<Object>> endedInputs = new ArrayList<>();
    private boolean done;
    private boolean closed;

    /** What arrived on one output. */
    private static final class Capture<T> {
        final SpscArrayQueue<Object> queue;
        final List<OperatorTestHarness.Record<T>> records = new ArrayList<>();
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
                            new OperatorTestHarness.Record<>(
                                    (T) b.record(i), StreamElements.userTimestamp(b.timestamp(i))));
                }
            } else if (item instanceof ControlEvent.Watermark) {
                watermarks.add(((ControlEvent.Watermark) item).timestamp());
            }
            return item != null;
        }
    }

    /** The heap backend, remembering the keyed state backends it created so tests can count. */
    private static final class RecordingStateBackend implements StateBackend {
        private static final long serialVersionUID = 1L;
        private final HeapStateBackend heap = new HeapStateBackend();
        private final transient List<KeyedStateBackend<?>> created = new ArrayList<>();

        @Override
        public String name() {
            return heap.name();
        }

        @Override
        public <K> KeyedStateBackend<K> createKeyedStateBackend(
                KeyedBackendParameters<K> parameters) {
            KeyedStateBackend<K> backend = heap.createKeyedStateBackend(parameters);
            created.add(backend);
            return backend;
        }
    }

    private TwoInputOperatorTestHarness(
            TypeInfo<IN1> type1,
            TypeInfo<IN2> type2,
            BiFunction<DataStream<IN1>, DataStream<IN2>, ? extends DataStream<OUT>> code,
            OutputTag<?>... sideOutputs)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<IN1> in1 =
                env.fromSource(new FromElementsSource<>(List.of()), "Harness input 1", type1);
        DataStream<IN2> in2 =
                env.fromSource(new FromElementsSource<>(List.of()), "Harness input 2", type2);
        DataStream<OUT> result = code.apply(in1.rebalance(), in2.rebalance());
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
        JobVertex vertex = null;
        for (JobVertex v : graph.vertices()) {
            if (v.operators().get(0).kind() == ChainedOperator.Kind.TWO_INPUT) {
                vertex = v;
            }
        }
        int expected = 4 + sideOutputs.length;
        if (vertex == null || graph.vertices().size() != expected) {
            throw new IllegalArgumentException(
                    "The code under test must form one chain of operators headed by a two-input"
                            + " operator, but it forms this graph:\n"
                            + graph.describe());
        }
        JobId jobId = JobId.random();
        LocalExchange exchange = new LocalExchange(1);
        SpscArrayQueue<Object> first = null;
        SpscArrayQueue<Object> second = null;
        for (int edgeId : vertex.inputEdges()) {
            JobEdge edge = graph.edge(edgeId);
            SpscArrayQueue<Object> q = exchange.channel(new ChannelId(jobId, 0, edge.id(), 0, 0));
            if (edge.targetInput() == 0) {
                first = q;
            } else {
                second = q;
            }
        }
        input1 = first;
        input2 = second;
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
                        stateBackend,
                        TwoInputOperatorTestHarness.class.getClassLoader(),
                        id -> null,
                        1,
                        1,
                        io.spate.runtime.task.CheckpointResponder.NONE,
                        Runnable::run);
        tasklet =
                new StreamTasklet(
                        new TaskDeployment(jobId, 0, graph, vertex.id(), 0, List.of()),
                        environment);
        tasklet.init();
    }

    /**
     * A harness around what {@code code} builds on two streams of {@code type1} and {@code type2},
     * also capturing the side outputs named by {@code sideOutputs} of the last operator it builds.
     */
    public static <IN1, IN2, OUT> TwoInputOperatorTestHarness<IN1, IN2, OUT> of(
            TypeInfo<IN1> type1,
            TypeInfo<IN2> type2,
            BiFunction<DataStream<IN1>, DataStream<IN2>, ? extends DataStream<OUT>> code,
            OutputTag<?>... sideOutputs)
            throws Exception {
        return new TwoInputOperatorTestHarness<>(type1, type2, code, sideOutputs);
    }

    /** The clock the operators read processing time from. */
    public ManualClock clock() {
        return clock;
    }

    public void processElement1(IN1 value) throws Exception {
        processElement1(value, StreamElements.NO_TIMESTAMP);
    }

    /**
     * Feeds one record to the first input and runs the tasklet until it has taken it and emitted
     * what it produced.
     */
    public void processElement1(IN1 value, long timestamp) throws Exception {
        feed(input1, batchOf(value, timestamp));
        settle();
    }

    public void processElement2(IN2 value) throws Exception {
        processElement2(value, StreamElements.NO_TIMESTAMP);
    }

    /**
     * Feeds one record to the second input and runs the tasklet until it has taken it and emitted
     * what it produced.
     */
    public void processElement2(IN2 value, long timestamp) throws Exception {
        feed(input2, batchOf(value, timestamp));
        settle();
    }

    private static RecordBatch batchOf(Object value, long timestamp) {
        RecordBatch batch = new RecordBatch(1);
        batch.add(value, timestamp);
        return batch;
    }

    /** Feeds a watermark to the first input only, and runs what it fires. */
    public void processWatermark1(long watermark) throws Exception {
        feed(input1, new ControlEvent.Watermark(watermark));
        settle();
    }

    /** Feeds a watermark to the second input only, and runs what it fires. */
    public void processWatermark2(long watermark) throws Exception {
        feed(input2, new ControlEvent.Watermark(watermark));
        settle();
    }

    /** Feeds a watermark to both inputs, and runs what it fires. */
    public void processWatermark(long watermark) throws Exception {
        processWatermark1(watermark);
        processWatermark2(watermark);
    }

    /** Moves processing time forward and runs what becomes due. */
    public void advanceProcessingTime(Duration amount) throws Exception {
        clock.advance(amount);
        settle();
    }

    /** Ends the first input; the second goes on. */
    public void endInput1() throws Exception {
        feed(input1, ControlEvent.END_OF_INPUT);
        settle();
    }

    /** Ends the second input; the first goes on. */
    public void endInput2() throws Exception {
        feed(input2, ControlEvent.END_OF_INPUT);
        settle();
    }

    /** Ends both inputs (those not ended yet) and runs the tasklet until it has finished. */
    public void endInput() throws Exception {
        if (!ended(input1)) {
            feed(input1, ControlEvent.END_OF_INPUT);
        }
        if (!done && !ended(input2)) {
            feed(input2, ControlEvent.END_OF_INPUT);
        }
        int idle = 0;
        while (!done) {
            if (!step()) {
                if (++idle > MAX_IDLE_CALLS) {
                    throw new IllegalStateException(
                            "The tasklet did not finish after its inputs ended");
                }
            } else {
                idle = 0;
            }
        }
    }

    private boolean ended(SpscArrayQueue<Object> input) {
        return endedInputs.contains(input);
    }

    private void feed(SpscArrayQueue<Object> input, Object item) throws Exception {
        if (done || ended(input)) {
            throw new IllegalStateException("That input has ended; it takes no more input");
        }
        if (item == ControlEvent.END_OF_INPUT) {
            endedInputs.add(input);
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
    public List<OperatorTestHarness.Record<OUT>> getOutput() {
        return List.copyOf(main.records);
    }

    /** The values emitted to the main output so far. */
    public List<OUT> getOutputValues() {
        List<OUT> values = new ArrayList<>(main.records.size());
        for (OperatorTestHarness.Record<OUT> r : main.records) {
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
    public <X> List<OperatorTestHarness.Record<X>> getSideOutput(OutputTag<X> tag) {
        Capture<Object> side = sides.get(tag.getId());
        if (side == null) {
            throw new IllegalArgumentException(
                    "Side output '" + tag.getId() + "' is not captured; pass its tag to of(...)");
        }
        List<OperatorTestHarness.Record<X>> out = new ArrayList<>();
        for (OperatorTestHarness.Record<Object> r : side.records) {
            out.add(new OperatorTestHarness.Record<>((X) r.value(), r.timestamp()));
        }
        return out;
    }

    /** Forgets the output collected so far. */
    public void clearOutput() {
        main.records.clear();
        main.watermarks.clear();
        sides.values().forEach(s -> s.records.clear());
    }

    /**
     * The number of (key, state) entries in the keyed state of the operators under test: what is
     * left in their buffers. Zero when they are not keyed.
     */
    public long numberOfKeyedStateEntries() {
        long n = 0;
        for (KeyedStateBackend<?> b : stateBackend.created) {
            n += b.numberOfEntries();
        }
        return n;
    }

    /** The counters of the tasklet, user counters included. */
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
