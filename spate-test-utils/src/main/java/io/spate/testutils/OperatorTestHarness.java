package io.spate.testutils;

import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.connector.sink.DiscardingSink;
import io.spate.api.connector.source.lib.FromElementsSource;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.graph.Pipeline;
import io.spate.common.JobId;
import io.spate.common.concurrent.SpscArrayQueue;
import io.spate.common.time.ManualClock;
import io.spate.core.operators.StreamElements;
import io.spate.core.plan.JobEdge;
import io.spate.core.plan.JobGraph;
import io.spate.core.plan.JobVertex;
import io.spate.core.plan.StreamPlanner;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Drives the operators a piece of DataStream code creates, call by call, on the calling thread,
 * through the real runtime path: the operators run in a {@link StreamTasklet} exactly as in a job,
 * but its input is fed one record at a time and its output channel holds a single batch of a single
 * record. The tasklet therefore finds its output full after every record and must resume correctly,
 * which is where operators and the runtime usually break.
 *
 * <pre>{@code
 * try (var h = OperatorTestHarness.of(Types.STRING, s -> s.map(String::length))) {
 *     h.processElement("spate");
 *     h.endInput();
 *     assertThat(h.getOutputValues()).containsExactly(5);
 * }
 * }</pre>
 *
 * <p>The code under test must produce one fused chain (no {@code keyBy} inside it; put the {@code
 * keyBy} first: {@code s -> s.keyBy(k).process(f)} is fine). Not thread-safe.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
public final class OperatorTestHarness<IN, OUT> implements AutoCloseable {
    private static final int MAX_IDLE_CALLS = 10_000;

    private final ManualClock clock = new ManualClock(0);
    private final StreamTasklet tasklet;
    private final SpscArrayQueue<Object> input;
    private final SpscArrayQueue<Object> output;
    private final List<Record<OUT>> results = new ArrayList<>();
    private boolean done;
    private boolean closed;

    /** An output record with its timestamp ({@code null} when it has none). */
    public record Record<T>(T value, Long timestamp) {}

    private OperatorTestHarness(
            TypeInfo<IN> inputType, Function<DataStream<IN>, DataStream<OUT>> code)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<IN> in =
                env.fromSource(new FromElementsSource<>(List.of()), "Harness input", inputType);
        code.apply(in.rebalance()).rebalance().sinkTo(new DiscardingSink<>());
        Pipeline pipeline =
                new Pipeline(
                        "harness",
                        env.getTransformations(),
                        env.getConfig(),
                        env.getConfiguration(),
                        clock);
        JobGraph graph = StreamPlanner.plan(pipeline, 1);
        if (graph.vertices().size() != 3) {
            throw new IllegalArgumentException(
                    "The code under test must form one chain of operators, but it forms "
                            + (graph.vertices().size() - 2)
                            + ":\n"
                            + graph.describe());
        }
        JobVertex vertex = graph.vertices().get(1);
        JobEdge inEdge = graph.edge(vertex.inputEdges().get(0));
        JobEdge outEdge =
                graph.edges().stream()
                        .filter(e -> e.sourceVertex() == vertex.id())
                        .findFirst()
                        .orElseThrow();
        JobId jobId = JobId.random();
        LocalExchange exchange = new LocalExchange(1);
        input = exchange.channel(new ChannelId(jobId, 0, inEdge.id(), 0, 0));
        output = exchange.channel(new ChannelId(jobId, 0, outEdge.id(), 0, 0));
        TaskEnvironment environment =
                new TaskEnvironment(
                        clock,
                        exchange,
                        new HeapStateBackend(),
                        OperatorTestHarness.class.getClassLoader(),
                        id -> null,
                        1,
                        1);
        tasklet =
                new StreamTasklet(
                        new TaskDeployment(jobId, 0, graph, vertex.id(), 0, List.of()),
                        environment);
        tasklet.init();
    }

    /** A harness around what {@code code} builds on a stream of {@code inputType}. */
    public static <IN, OUT> OperatorTestHarness<IN, OUT> of(
            TypeInfo<IN> inputType, Function<DataStream<IN>, DataStream<OUT>> code)
            throws Exception {
        return new OperatorTestHarness<>(inputType, code);
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

    /** One call of the tasklet, then takes at most one item from its one-slot output. */
    private boolean step() throws Exception {
        ProgressState state = tasklet.call();
        boolean progress = state != ProgressState.NO_PROGRESS;
        if (state == ProgressState.DONE) {
            done = true;
        }
        Object item = output.poll();
        if (item instanceof RecordBatch) {
            RecordBatch b = (RecordBatch) item;
            for (int i = 0; i < b.size(); i++) {
                @SuppressWarnings("unchecked")
                OUT v = (OUT) b.record(i);
                results.add(new Record<>(v, StreamElements.userTimestamp(b.timestamp(i))));
            }
            progress = true;
        } else if (item != null) {
            progress = true;
        }
        return progress;
    }

    /** Everything emitted so far, with timestamps. */
    public List<Record<OUT>> getOutput() {
        return List.copyOf(results);
    }

    /** The values emitted so far. */
    public List<OUT> getOutputValues() {
        List<OUT> values = new ArrayList<>(results.size());
        for (Record<OUT> r : results) {
            values.add(r.value());
        }
        return values;
    }

    /** Forgets the output collected so far. */
    public void clearOutput() {
        results.clear();
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
