package io.spate.benchmarks;

import io.spate.nexmark.checksum.EventLines;
import io.spate.nexmark.checksum.RowHasher;
import io.spate.nexmark.generator.GeneratorConfig;
import io.spate.nexmark.generator.NexmarkGenerator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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

/**
 * The bare Nexmark generator, one thread, no engine: events per second (the score is operations per
 * second, one operation being one event), and the same with the row hash of each event's canonical
 * line (the generator checksum's cost). The events are generated in index order, as a source does,
 * continuing across invocations.
 *
 * <pre>
 *   java -jar spate-benchmarks/target/spate-benchmarks.jar NexmarkGeneratorBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NexmarkGeneratorBenchmark {
    private static final int BATCH = 1000;

    /** Events per second of event time; it changes auction lengths only. */
    @Param({"10000000"})
    long eventsPerSecond;

    private NexmarkGenerator generator;
    private final RowHasher hasher = new RowHasher();
    private long next;

    @Setup
    public void setUp() {
        generator =
                new NexmarkGenerator(
                        GeneratorConfig.of(GeneratorConfig.MAX_EVENTS)
                                .withEventsPerSecond(eventsPerSecond));
        next = 0;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void generate(Blackhole sink) {
        long e = next;
        for (int i = 0; i < BATCH; i++) {
            sink.consume(generator.event(e++));
        }
        next = e;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long generateAndHash() {
        long e = next;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            sum += EventLines.hash(generator.event(e++), hasher);
        }
        next = e;
        return sum;
    }
}
