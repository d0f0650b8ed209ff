package io.spate.benchmarks;

import io.spate.api.common.typeinfo.Types;
import io.spate.api.graph.PartitionSpec;
import io.spate.common.concurrent.SpscArrayQueue;
import io.spate.core.partition.Partitioners;
import io.spate.core.partition.StreamPartitioner;
import io.spate.core.state.KeyGroups;
import io.spate.runtime.exchange.RecordBatch;
import io.spate.runtime.exchange.RecordWriter;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.Control;

/**
 * Records through one channel of a local exchange — the {@link RecordWriter} of the producing
 * subtask collecting them into {@link RecordBatch}es, the bounded single-producer, single-consumer
 * queue between the two subtasks, and the consuming side taking the batches and reading each record
 * and timestamp, as a tasklet's input loop does. One operation is one record. Batch size and queue
 * capacity are the engine's defaults (256 records, 16 batches).
 *
 * <ul>
 *   <li>{@code writeThenDrain}: one thread writes 2,048 records (8 batches), then drains them: the
 *       bare cost of the data path, with the queue in the thread's own cache;
 *   <li>{@code spsc} (a group of {@code produce} and {@code consume}): a producer thread and a
 *       consumer thread, one batch per call each, as two tasklets on two workers; the score of each
 *       side is its records per second (the group's total counts every record twice). A side that
 *       finds the queue full or empty spins until it can go on, where a tasklet would return and
 *       let its worker run another one.
 * </ul>
 *
 * <p>{@code partitioning} chooses the producer's partitioner: {@code forward} (always channel 0) or
 * {@code keyGroups} (a {@code keyBy} with one downstream subtask: key extraction, the key's hash
 * and key group, its subtask), to show what choosing the channel costs per record.
 *
 * <pre>
 *   java -jar spate-benchmarks/target/spate-benchmarks.jar LocalExchangeBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LocalExchangeBenchmark {
    /** The engine's defaults: {@code exchange.batch-size}, {@code exchange.queue-capacity}. */
    static final int BATCH_SIZE = 256;

    static final int QUEUE_CAPACITY = 16;

    /** Records written before draining: half the queue, so that the producer never waits. */
    static final int WRITE_THEN_DRAIN = BATCH_SIZE * QUEUE_CAPACITY / 2;

    /** Busy spins of a waiting side before it starts yielding its core. */
    private static final int SPINS = 100;

    /** Distinct pre-boxed records, cycled through. */
    private static final int RECORDS = 4096;

    /**
     * One channel: its queue, a writer on it, and the records to send. The subclasses say who
     * shares it.
     */
    @State(Scope.Thread)
    public abstract static class ChannelState {
        @Param({"forward", "keyGroups"})
        String partitioning;

        SpscArrayQueue<Object> queue;
        RecordWriter writer;
        final Long[] records = new Long[RECORDS];
        int next;

        @SuppressWarnings("unchecked")
        void open() {
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < RECORDS; i++) {
                records[i] = random.nextLong(1_000_000);
            }
            StreamPartitioner<Object> partitioner;
            switch (partitioning) {
                case "forward":
                    partitioner =
                            Partitioners.create(
                                    PartitionSpec.of(PartitionSpec.Kind.FORWARD),
                                    0,
                                    1,
                                    KeyGroups.DEFAULT_MAX_PARALLELISM);
                    break;
                case "keyGroups":
                    partitioner =
                            Partitioners.create(
                                    PartitionSpec.byKey((Long v) -> v, Types.LONG),
                                    0,
                                    1,
                                    KeyGroups.DEFAULT_MAX_PARALLELISM);
                    break;
                default:
                    throw new IllegalArgumentException("unknown partitioning " + partitioning);
            }
            queue = new SpscArrayQueue<>(QUEUE_CAPACITY);
            writer = new RecordWriter(partitioner, new SpscArrayQueue[] {queue}, BATCH_SIZE);
        }

        /** Writes {@code n} records with their timestamps; producer thread only. */
        void write(int n) {
            int r = next;
            for (int i = 0; i < n; i++) {
                writer.collect(records[r], r);
                r = (r + 1) & (RECORDS - 1);
            }
            next = r;
        }
    }

    /** Both sides on the benchmark's thread. */
    @State(Scope.Thread)
    public static class OneThread extends ChannelState {
        @Setup
        public void setUp() {
            open();
        }
    }

    /** Shared by the producer and the consumer thread of one group. */
    @State(Scope.Group)
    public static class TwoThreads extends ChannelState {
        @Setup
        public void setUp() {
            open();
        }
    }

    /** Reads every record and timestamp of a batch, as a tasklet hands them to its operators. */
    private static long read(RecordBatch batch, Blackhole sink) {
        long timestamps = 0;
        int size = batch.size();
        for (int i = 0; i < size; i++) {
            sink.consume(batch.record(i));
            timestamps += batch.timestamp(i);
        }
        return timestamps;
    }

    @Benchmark
    @OperationsPerInvocation(WRITE_THEN_DRAIN)
    public long writeThenDrain(OneThread channel, Blackhole sink) {
        channel.write(WRITE_THEN_DRAIN);
        channel.writer.flush();
        long timestamps = 0;
        Object item;
        while ((item = channel.queue.poll()) != null) {
            timestamps += read((RecordBatch) item, sink);
        }
        return timestamps;
    }

    /**
     * Writes one batch's worth of records: the writer starts each call with an empty batch, so it
     * hands exactly one full batch to the queue (or parks it while the queue is full).
     */
    @Benchmark
    @Group("spsc")
    @GroupThreads(1)
    @OperationsPerInvocation(BATCH_SIZE)
    public void produce(TwoThreads channel, Control control) {
        channel.write(BATCH_SIZE);
        for (int spins = 0; channel.writer.hasPending() && !control.stopMeasurement; ) {
            if (!channel.writer.flush()) {
                spins = backOff(spins);
            }
        }
    }

    /** Takes one batch and reads its records. */
    @Benchmark
    @Group("spsc")
    @GroupThreads(1)
    @OperationsPerInvocation(BATCH_SIZE)
    public long consume(TwoThreads channel, Control control, Blackhole sink) {
        Object item;
        for (int spins = 0; (item = channel.queue.poll()) == null; ) {
            if (control.stopMeasurement) {
                return 0;
            }
            spins = backOff(spins);
        }
        return read((RecordBatch) item, sink);
    }

    /**
     * Waits a moment for the other side: spins, then yields the core, so that the two threads still
     * make progress when the machine has fewer free cores than they need.
     */
    private static int backOff(int spins) {
        if (spins < SPINS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
        return spins + 1;
    }
}
