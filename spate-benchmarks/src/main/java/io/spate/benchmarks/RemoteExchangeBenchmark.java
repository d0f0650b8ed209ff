package io.spate.benchmarks;

import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.common.JobId;
import io.spate.common.config.Configuration;
import io.spate.common.serialization.TypeSerializer;
import io.spate.core.serialization.SerializerFactory;
import io.spate.nexmark.generator.GeneratorConfig;
import io.spate.nexmark.generator.NexmarkGenerator;
import io.spate.nexmark.model.Bid;
import io.spate.nexmark.model.Event;
import io.spate.runtime.exchange.ChannelId;
import io.spate.runtime.exchange.InputChannel;
import io.spate.runtime.exchange.OutputChannel;
import io.spate.runtime.exchange.RecordBatch;
import io.spate.runtime.exchange.remote.NetworkExchange;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.Control;

/**
 * Records through one channel of a remote exchange: a producer thread offers batches of 256 records
 * to a {@link NetworkExchange}, which serializes each into a frame and sends it over loopback TCP
 * to a second {@code NetworkExchange}, whose consumer thread takes the frames, reads the records
 * back and looks at each, as a subtask's input loop does. Credit-based flow control with the
 * engine's default window (32 frames). One operation is one record; the score of each side is its
 * records per second. Both exchanges are in this JVM, so the figure is what serializing, framing,
 * the network stack and reading back cost, without a second machine's network.
 *
 * <p>{@code type}: {@code long} (8-byte values) or {@code bid} (Nexmark bids as Java records, about
 * 120 bytes serialized).
 *
 * <pre>
 *   java -jar spate-benchmarks/target/spate-benchmarks.jar RemoteExchangeBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RemoteExchangeBenchmark {
    static final int BATCH_SIZE = 256;

    /** Distinct records, cycled through. */
    private static final int RECORDS = 4096;

    /** Busy spins of a waiting side before it starts yielding its core. */
    private static final int SPINS = 100;

    /** The two exchanges and the channel between them, shared by the producer and the consumer. */
    @State(Scope.Group)
    public static class Channel {
        @Param({"long", "bid"})
        String type;

        NetworkExchange producerSide;
        NetworkExchange consumerSide;
        OutputChannel out;
        InputChannel in;
        Object[] records;
        int next;

        @Setup(Level.Trial)
        @SuppressWarnings("unchecked")
        public void setUp() {
            TypeInfo<?> typeInfo;
            records = new Object[RECORDS];
            if (type.equals("long")) {
                SplittableRandom random = new SplittableRandom(42);
                for (int i = 0; i < RECORDS; i++) {
                    records[i] = random.nextLong();
                }
                typeInfo = TypeInfo.of(Long.class);
            } else {
                NexmarkGenerator generator = new NexmarkGenerator(GeneratorConfig.of(1_000_000));
                int n = 0;
                for (long e = 0; n < RECORDS; e++) {
                    Event event = generator.event(e);
                    if (event instanceof Bid) {
                        records[n++] = event;
                    }
                }
                typeInfo = TypeInfo.of(Bid.class);
            }
            TypeSerializer<Object> serializer =
                    (TypeSerializer<Object>) new SerializerFactory(Map.of()).create(typeInfo);
            producerSide = NetworkExchange.start(new Configuration(), "benchmark-producer");
            consumerSide = NetworkExchange.start(new Configuration(), "benchmark-consumer");
            ChannelId id = new ChannelId(JobId.random(), 0, 0, 0, 0);
            out = producerSide.outputChannel(consumerSide.address(), id, serializer);
            in = consumerSide.inputChannel(id, serializer);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            producerSide.close();
            consumerSide.close();
        }

        RecordBatch nextBatch() {
            RecordBatch batch = new RecordBatch(BATCH_SIZE);
            for (int i = 0; i < BATCH_SIZE; i++) {
                batch.add(records[next], next);
                next = next + 1 == RECORDS ? 0 : next + 1;
            }
            return batch;
        }
    }

    @Benchmark
    @Group("remote")
    @GroupThreads(1)
    @OperationsPerInvocation(BATCH_SIZE)
    public void produce(Channel channel, Control control) {
        RecordBatch batch = channel.nextBatch();
        int spins = 0;
        while (!channel.out.offer(batch)) {
            if (control.stopMeasurement) {
                return;
            }
            if (++spins > SPINS) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }

    @Benchmark
    @Group("remote")
    @GroupThreads(1)
    @OperationsPerInvocation(BATCH_SIZE)
    public void consume(Channel channel, Control control, Blackhole bh) {
        int spins = 0;
        Object item;
        while ((item = channel.in.poll()) == null) {
            if (control.stopMeasurement) {
                return;
            }
            if (++spins > SPINS) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
        if (item instanceof RecordBatch batch) {
            for (int i = 0; i < batch.size(); i++) {
                bh.consume(batch.record(i));
                bh.consume(batch.timestamp(i));
            }
        }
    }
}
