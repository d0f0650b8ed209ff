package io.spate.api.connector.source.lib;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.common.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Generates records from their index {@code 0, 1, 2, ...} with a {@link GeneratorFunction}: bounded
 * ({@code count} records) or unbounded ({@code Long.MAX_VALUE}), optionally limited to a number of
 * records per second over all subtasks. The indexes are divided among the subtasks in contiguous
 * ranges.
 *
 * <p>The rate limit never blocks a thread: a reader ahead of its schedule reports that nothing is
 * available, and the runtime calls it again shortly.
 *
 * @param <T> the record type
 */
@Public
public final class DataGeneratorSource<T> implements Source<T, IndexRangeSplit> {
    private static final long serialVersionUID = 1L;

    /** Use as {@code count} for a source that never ends. */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    private final GeneratorFunction<Long, T> generator;
    private final long count;
    private final double recordsPerSecond;
    private final TypeInfo<T> type;

    /** An unthrottled generator of {@code count} records. */
    public DataGeneratorSource(GeneratorFunction<Long, T> generator, long count, TypeInfo<T> type) {
        this(generator, count, 0, type);
    }

    /**
     * A generator of {@code count} records at most {@code recordsPerSecond} in total (0 means no
     * limit).
     */
    public DataGeneratorSource(
            GeneratorFunction<Long, T> generator,
            long count,
            double recordsPerSecond,
            TypeInfo<T> type) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        if (recordsPerSecond < 0 || Double.isNaN(recordsPerSecond)) {
            throw new IllegalArgumentException(
                    "recordsPerSecond must be positive, or 0 for no limit; was "
                            + recordsPerSecond);
        }
        this.generator = Objects.requireNonNull(generator, "generator");
        this.count = count;
        this.recordsPerSecond = recordsPerSecond;
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The type of the records, given because a generator lambda does not reveal it. */
    public TypeInfo<T> getType() {
        return type;
    }

    @Override
    public Boundedness getBoundedness() {
        return count == UNBOUNDED ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public List<IndexRangeSplit> createSplits(int parallelism) {
        return IndexRangeSplit.divide(0, count, parallelism);
    }

    @Override
    public SourceReader<T, IndexRangeSplit> createReader(SourceReaderContext context) {
        double perSubtask = recordsPerSecond / context.getParallelism();
        Clock clock = context.getClock();
        return new IndexRangeReader<>() {
            private long startNanos = Long.MIN_VALUE;
            private long emitted;

            @Override
            protected void emit(long index, SourceOutput<T> output) throws Exception {
                T record = generator.map(index);
                if (record == null) {
                    throw new NullPointerException(
                            "The generator function returned null for index " + index);
                }
                output.collect(record);
            }

            @Override
            protected long permits() {
                if (perSubtask <= 0) {
                    return Long.MAX_VALUE;
                }
                long now = clock.nanoTime();
                if (startNanos == Long.MIN_VALUE) {
                    startNanos = now;
                }
                long allowed = (long) ((now - startNanos) / 1e9 * perSubtask) + 1;
                return allowed - emitted;
            }

            @Override
            protected void emitted(long n) {
                emitted += n;
            }
        };
    }
}
