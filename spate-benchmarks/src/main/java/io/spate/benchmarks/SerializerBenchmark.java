package io.spate.benchmarks;

import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.common.io.MemoryDataInput;
import io.spate.common.io.MemoryDataOutput;
import io.spate.common.serialization.TypeSerializer;
import io.spate.core.serialization.SerializerFactory;
import io.spate.nexmark.generator.GeneratorConfig;
import io.spate.nexmark.generator.NexmarkGenerator;
import io.spate.nexmark.model.Bid;
import io.spate.nexmark.model.Event;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Serializer round trips: a value written by the serializer Spate chooses for its type ({@link
 * SerializerFactory}) into a {@link MemoryDataOutput}, and read back from a {@link MemoryDataInput}
 * over the same bytes, both reused. One operation is one round trip of one value.
 *
 * <p>{@code type} chooses the values, 1,024 of each made before the measurement and taken in turn:
 *
 * <ul>
 *   <li>{@code long}: random {@code Long}s;
 *   <li>{@code string}: the URLs of Nexmark bids (ASCII, about 70 characters);
 *   <li>{@code record}: Nexmark {@link Bid}s (a Java record of 4 longs and 3 strings);
 *   <li>{@code pojo}: the same bids as a POJO with public fields ({@link BidPojo});
 *   <li>{@code sealed}: Nexmark {@link Event}s in the generator's mix (of every 50 events, 1
 *       person, 3 auctions, 46 bids), through the sealed interface: a tag, then the concrete
 *       record.
 * </ul>
 *
 * <p>The serialized size of the values is printed when each run starts.
 *
 * <pre>
 *   java -jar spate-benchmarks/target/spate-benchmarks.jar SerializerBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SerializerBenchmark {
    private static final int VALUES = 1024;

    @Param({"long", "string", "record", "pojo", "sealed"})
    String type;

    private Object[] values;
    private TypeSerializer<Object> serializer;
    private final MemoryDataOutput out = new MemoryDataOutput(4096);
    private final MemoryDataInput in = new MemoryDataInput(new byte[0]);
    private int next;

    /** A Nexmark bid as a POJO: the same fields as {@link Bid}, public and mutable. */
    public static class BidPojo {
        public long auction;
        public long bidder;
        public long price;
        public String channel;
        public String url;
        public long dateTime;
        public String extra;

        public BidPojo() {}

        BidPojo(Bid b) {
            auction = b.auction();
            bidder = b.bidder();
            price = b.price();
            channel = b.channel();
            url = b.url();
            dateTime = b.dateTime();
            extra = b.extra();
        }
    }

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() throws IOException {
        NexmarkGenerator generator = new NexmarkGenerator(GeneratorConfig.of(1_000_000));
        values = new Object[VALUES];
        TypeInfo<?> typeInfo;
        switch (type) {
            case "long":
                SplittableRandom random = new SplittableRandom(42);
                for (int i = 0; i < VALUES; i++) {
                    values[i] = random.nextLong();
                }
                typeInfo = TypeInfo.of(Long.class);
                break;
            case "string":
                fillWithBids(generator, b -> b.url());
                typeInfo = TypeInfo.of(String.class);
                break;
            case "record":
                fillWithBids(generator, b -> b);
                typeInfo = TypeInfo.of(Bid.class);
                break;
            case "pojo":
                fillWithBids(generator, BidPojo::new);
                typeInfo = TypeInfo.of(BidPojo.class);
                break;
            case "sealed":
                for (int i = 0; i < VALUES; i++) {
                    values[i] = generator.event(i);
                }
                typeInfo = TypeInfo.of(Event.class);
                break;
            default:
                throw new IllegalArgumentException("unknown type " + type);
        }
        serializer = (TypeSerializer<Object>) new SerializerFactory(Map.of()).create(typeInfo);
        long bytes = 0;
        for (Object v : values) {
            out.clear();
            serializer.serialize(v, out);
            bytes += out.size();
        }
        System.out.printf(
                Locale.ROOT,
                "%n%s: %s, %.1f bytes per value%n",
                type,
                serializer,
                (double) bytes / VALUES);
    }

    private void fillWithBids(
            NexmarkGenerator generator, java.util.function.Function<Bid, Object> as) {
        int n = 0;
        for (long e = 0; n < VALUES; e++) {
            Event event = generator.event(e);
            if (event instanceof Bid) {
                values[n++] = as.apply((Bid) event);
            }
        }
    }

    @Benchmark
    public Object roundTrip() throws IOException {
        Object value = values[next];
        next = (next + 1) & (VALUES - 1);
        out.clear();
        serializer.serialize(value, out);
        in.reset(out.buffer(), 0, out.size());
        return serializer.deserialize(in);
    }
}
