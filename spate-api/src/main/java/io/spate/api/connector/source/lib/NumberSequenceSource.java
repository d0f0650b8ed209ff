package io.spate.api.connector.source.lib;

import io.spate.annotations.Public;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import java.util.List;

/** The numbers {@code from} to {@code to}, both included, divided among the subtasks in ranges. */
@Public
public final class NumberSequenceSource implements Source<Long, IndexRangeSplit> {
    private static final long serialVersionUID = 1L;

    private final long from;
    private final long to;

    public NumberSequenceSource(long from, long to) {
        if (to < from) {
            throw new IllegalArgumentException(
                    "A sequence must not end (" + to + ") before it starts (" + from + ")");
        }
        if (to == Long.MAX_VALUE) {
            throw new IllegalArgumentException("A sequence must end before Long.MAX_VALUE");
        }
        this.from = from;
        this.to = to;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public List<IndexRangeSplit> createSplits(int parallelism) {
        return IndexRangeSplit.divide(from, to + 1, parallelism);
    }

    @Override
    public SourceReader<Long, IndexRangeSplit> createReader(SourceReaderContext context) {
        return new IndexRangeReader<>() {
            @Override
            protected void emit(long index, SourceOutput<Long> output) {
                output.collect(index);
            }
        };
    }
}
