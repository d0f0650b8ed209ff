package io.spate.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.functions.MapFunction;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.ClientChannel;
import io.spate.api.connector.sink.CollectSink;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.graph.Pipeline;
import io.spate.api.graph.SourceSpec;
import io.spate.common.JobId;
import io.spate.common.time.ManualClock;
import io.spate.core.plan.JobGraph;
import io.spate.core.plan.JobVertex;
import io.spate.core.plan.StreamPlanner;
import io.spate.runtime.exchange.LocalExchange;
import io.spate.runtime.execution.ProgressState;
import io.spate.state.heap.HeapStateBackend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the tasklets of small planned jobs by hand, on the test thread, to check how the end of the
 * input travels: a subtask finishes only after every input channel ended, its sinks handed
 * everything over and its own end-of-input marker was delivered downstream.
 */
class StreamTaskletTest {
    private static final String CHANNEL = "results";
    private static final JobId JOB = new JobId(7, 7);

    /** The client end of a collect sink: takes batches while {@link #accepting}. */
    private static final class TestingClientChannel implements ClientChannel {
        final List<Object> received = Collections.synchronizedList(new ArrayList<>());
        volatile boolean accepting = true;
        volatile int finished;

        @Override
        public boolean offer(List<?> records) {
            if (!accepting) {
                return false;
            }
            received.addAll(records);
            return true;
        }

        @Override
        public void finish() {
            finished++;
        }
    }

    private final TestingClientChannel client = new TestingClientChannel();
    private final List<StreamTasklet> started = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (StreamTasklet t : started) {
            t.close();
        }
    }

    private static JobGraph plan(StreamExecutionEnvironment env) {
        return StreamPlanner.plan(
                new Pipeline(
                        "end of input",
                        env.getTransformations(),
                        env.getConfig(),
                        env.getConfiguration(),
                        new ManualClock()),
                1);
    }

    private static DataStream<Long> numbers(StreamExecutionEnvironment env, long from, long to) {
        List<Long> values = LongStream.rangeClosed(from, to).boxed().toList();
        return env.fromCollection(values, Types.LONG);
    }

    private static MapFunction<Long, Long> timesTen() {
        return v -> v * 10;
    }

    /** The tasklets of every subtask of every vertex, initialised, by vertex. */
    private List<List<StreamTasklet>> deploy(JobGraph graph, int queueCapacity, int batchSize)
            throws Exception {
        LocalExchange exchange = new LocalExchange(queueCapacity);
        Function<String, ClientChannel> channels = id -> CHANNEL.equals(id) ? client : null;
        TaskEnvironment env =
                new TaskEnvironment(
                        new ManualClock(),
                        exchange,
                        new HeapStateBackend(),
                        getClass().getClassLoader(),
                        channels,
                        batchSize,
                        3,
                        CheckpointResponder.NONE,
                        Runnable::run);
        List<List<StreamTasklet>> byVertex = new ArrayList<>();
        for (JobVertex v : graph.vertices()) {
            List<StreamTasklet> subtasks = new ArrayList<>();
            for (int i = 0; i < v.parallelism(); i++) {
                StreamTasklet t =
                        new StreamTasklet(
                                new TaskDeployment(JOB, 0, graph, v.id(), i, splitsOf(v, i)), env);
                t.init();
                started.add(t);
                subtasks.add(t);
            }
            byVertex.add(subtasks);
        }
        return byVertex;
    }

    @SuppressWarnings("unchecked")
    private List<SourceSplit> splitsOf(JobVertex v, int subtask) throws Exception {
        if (!v.isSource()) {
            return List.of();
        }
        SourceSpec<?> spec =
                (SourceSpec<?>) v.head().userCode().deserialize(getClass().getClassLoader());
        Source<?, SourceSplit> source = (Source<?, SourceSplit>) spec.source();
        List<? extends SourceSplit> all = source.createSplits(v.parallelism());
        List<SourceSplit> mine = new ArrayList<>();
        for (int i = subtask; i < all.size(); i += v.parallelism()) {
            mine.add(all.get(i));
        }
        return mine;
    }

    /** Calls a tasklet until it is done; fails if that takes unreasonably many calls. */
    private static int runToDone(StreamTasklet t) throws Exception {
        for (int calls = 1; calls <= 10_000; calls++) {
            if (t.call() == ProgressState.DONE) {
                return calls;
            }
        }
        throw new AssertionError(t.name() + " did not finish");
    }

    /** Calls each tasklet {@code times} times and checks that none is done. */
    private static void callWithoutFinishing(List<StreamTasklet> tasklets, int times)
            throws Exception {
        for (int i = 0; i < times; i++) {
            for (StreamTasklet t : tasklets) {
                assertThat(t.call())
                        .as("call %d of %s", i, t.name())
                        .isNotEqualTo(ProgressState.DONE);
            }
        }
    }

    /** Calls all tasklets round robin until all are done. */
    private static void runAll(List<StreamTasklet> tasklets) throws Exception {
        List<StreamTasklet> running = new ArrayList<>(tasklets);
        for (int round = 0; round < 100_000 && !running.isEmpty(); round++) {
            running.removeIf(
                    t -> {
                        try {
                            return t.call() == ProgressState.DONE;
                        } catch (Exception e) {
                            throw new AssertionError(t.name() + " failed", e);
                        }
                    });
        }
        assertThat(running).as("tasklets still running").isEmpty();
    }

    @Test
    void aConsumerFinishesOnlyAfterItsProducerEndedAndThenDeliversEverything() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        numbers(env, 1, 50).map(timesTen()).name("x10").sinkTo(new CollectSink<>(CHANNEL));
        JobGraph graph = plan(env);
        assertThat(graph.vertices()).hasSize(2); // the collection source runs once, then rebalances

        List<List<StreamTasklet>> tasklets = deploy(graph, 64, 4);
        StreamTasklet source = tasklets.get(0).get(0);
        List<StreamTasklet> consumers = tasklets.get(1);
        assertThat(consumers).hasSize(2);

        callWithoutFinishing(consumers, 20);
        assertThat(client.received).isEmpty();

        runToDone(source);
        assertThat(client.finished).isZero();
        for (StreamTasklet c : consumers) {
            runToDone(c);
        }

        assertThat(client.finished).as("each sink subtask finished once").isEqualTo(2);
        assertThat(client.received)
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, 50).mapToObj(v -> v * 10).toList());
        assertThat(source.metrics().recordsIn()).isEqualTo(50);
        long out = consumers.stream().mapToLong(c -> c.metrics().recordsOut()).sum();
        assertThat(out).isEqualTo(50);
    }

    @Test
    void aConsumerOfTwoInputsWaitsForTheEndOfBoth() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Long> a = numbers(env, 1, 10);
        DataStream<Long> b = numbers(env, 101, 110);
        a.union(b).map(timesTen()).name("x10").sinkTo(new CollectSink<>(CHANNEL));
        JobGraph graph = plan(env);
        assertThat(graph.vertices()).hasSize(3);
        List<List<StreamTasklet>> tasklets = deploy(graph, 64, 4);
        StreamTasklet sourceA = tasklets.get(0).get(0);
        StreamTasklet sourceB = tasklets.get(1).get(0);
        StreamTasklet consumer = tasklets.get(2).get(0);

        runToDone(sourceA);
        callWithoutFinishing(List.of(consumer), 50);
        assertThat(consumer.metrics().recordsOut())
                .as("A's records reached the sink while B's end is awaited")
                .isEqualTo(10);
        assertThat(client.finished).isZero();

        runToDone(sourceB);
        runToDone(consumer);
        assertThat(client.received).hasSize(20);
        assertThat(client.finished).isEqualTo(1);
    }

    @Test
    void aSubtaskWithoutInputChannelsFinishesAtOnce() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, 20)
                .global()
                .map(timesTen())
                .name("x10")
                .sinkTo(new CollectSink<>(CHANNEL));
        JobGraph graph = plan(env);
        List<List<StreamTasklet>> tasklets = deploy(graph, 64, 4);
        List<StreamTasklet> sources = tasklets.get(0);
        StreamTasklet first = tasklets.get(1).get(0);
        StreamTasklet second = tasklets.get(1).get(1);

        // Subtask 1 of a global exchange reads nothing, so it ends without waiting.
        assertThat(runToDone(second)).isLessThanOrEqualTo(5);
        assertThat(client.finished).isEqualTo(1);

        callWithoutFinishing(List.of(first), 10);
        runAll(sources);
        runToDone(first);
        assertThat(client.finished).isEqualTo(2);
        assertThat(client.received)
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, 20).mapToObj(v -> v * 10).toList());
    }

    @Test
    void aSinkThatCannotHandOverHoldsBackTheEnd() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        numbers(env, 1, 5).map(timesTen()).name("x10").sinkTo(new CollectSink<>(CHANNEL));
        JobGraph graph = plan(env);
        assertThat(graph.vertices()).hasSize(1);
        StreamTasklet only = deploy(graph, 4, 4).get(0).get(0);

        client.accepting = false;
        callWithoutFinishing(List.of(only), 50);
        assertThat(client.finished).isZero();

        client.accepting = true;
        runToDone(only);
        assertThat(client.received).containsExactly(10L, 20L, 30L, 40L, 50L);
        assertThat(client.finished).isEqualTo(1);
    }

    @Test
    void aProducerIsDoneOnlyOnceItsEndMarkerWasDelivered() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        numbers(env, 1, 30)
                .rebalance() // a separate vertex even at equal parallelism
                .map(timesTen())
                .name("x10")
                .sinkTo(new CollectSink<>(CHANNEL));
        JobGraph graph = plan(env);
        assertThat(graph.vertices()).hasSize(2);
        // One batch of one record fits between the two subtasks.
        List<List<StreamTasklet>> tasklets = deploy(graph, 1, 1);
        StreamTasklet source = tasklets.get(0).get(0);
        StreamTasklet consumer = tasklets.get(1).get(0);

        callWithoutFinishing(List.of(source), 50);
        assertThat(client.received).isEmpty();

        runAll(List.of(source, consumer));
        assertThat(client.received)
                .as("one producer and one consumer keep the order")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 30).mapToObj(v -> v * 10).toList());
        assertThat(client.finished).isEqualTo(1);

        // Batches had to wait for room, and closing records how many at most.
        started.remove(source);
        source.close();
        assertThat(source.metrics().snapshot().get(StreamTasklet.PENDING_BATCHES_MAX))
                .isGreaterThanOrEqualTo(1L);
    }

    @Test
    void aSourceThatEndsWhileItsOutputIsFullSendsItsFinalWatermarkOnlyOnceThereIsRoom()
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        numbers(env, 1, 7).rebalance().map(timesTen()).sinkTo(new CollectSink<>(CHANNEL));
        JobGraph graph = plan(env);
        // One batch of two records fits into the channel; the reader emits all seven and ends in
        // one poll, so two batches wait and one is being built when the reader says it is done.
        List<List<StreamTasklet>> tasklets = deploy(graph, 1, 2);
        StreamTasklet source = tasklets.get(0).get(0);
        StreamTasklet consumer = tasklets.get(1).get(0);

        callWithoutFinishing(List.of(source), 20);
        runAll(List.of(source, consumer));
        assertThat(client.received)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 7).mapToObj(v -> v * 10).toList());

        // Sending the final watermark at once would have sealed the third batch and queued the
        // watermark behind the two waiting ones: four items instead of two.
        started.remove(source);
        source.close();
        assertThat(source.metrics().snapshot().get(StreamTasklet.PENDING_BATCHES_MAX))
                .isEqualTo(2L);
    }

    @Test
    void keyedRecordsReachTheSubtaskThatHoldsTheirKeyGroups() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        numbers(env, 1, 100)
                .keyBy(v -> v % 7, Types.LONG)
                .reduce(Long::sum)
                .name("sum")
                .setMaxParallelism(16)
                .sinkTo(new CollectSink<>(CHANNEL));
        JobGraph graph = plan(env);
        assertThat(graph.vertices().get(1).maxParallelism()).isEqualTo(16);
        List<List<StreamTasklet>> tasklets = deploy(graph, 4, 8);

        List<StreamTasklet> all = new ArrayList<>();
        tasklets.forEach(all::addAll);
        runAll(all);

        // Rolling sums: the largest per key is the key's total, so every key was summed in one
        // place (a key on a foreign subtask would have failed the state backend).
        long[] totals = new long[7];
        for (long v = 1; v <= 100; v++) {
            totals[(int) (v % 7)] += v;
        }
        long[] largest = new long[7];
        List<Object> received = new ArrayList<>(client.received);
        assertThat(received).hasSize(100);
        for (Object o : received) {
            long sum = (Long) o;
            // A sum counts for each key it is a prefix sum of; none exceeds that key's total.
            for (int k = 0; k < 7; k++) {
                if (isRollingSumOf(sum, k)) {
                    largest[k] = Math.max(largest[k], sum);
                }
            }
        }
        assertThat(largest).containsExactly(totals);
        assertThat(client.finished).isEqualTo(3);
    }

    /** Whether {@code sum} is 1 + 8 + 15 + ... (for key 1), a prefix sum of the key's values. */
    private static boolean isRollingSumOf(long sum, int key) {
        long s = 0;
        for (long v = key == 0 ? 7 : key; v <= 100; v += 7) {
            s += v;
            if (s == sum) {
                return true;
            }
        }
        return false;
    }
}
