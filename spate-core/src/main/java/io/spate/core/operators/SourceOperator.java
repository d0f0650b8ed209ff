package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceSplit;
import java.util.List;

/**
 * The head of a source's chain: drives the subtask's {@link SourceReader} and emits what it reads.
 * Called by the thread that owns the subtask: {@link #setup}, {@link #open}, {@link #emitNext}
 * repeatedly while there is room downstream, {@link #close}.
 *
 * @param <T> the record type
 */
@Internal
public final class SourceOperator<T, SplitT extends SourceSplit> {
    private final Source<T, SplitT> source;
    private final List<SplitT> splits;
    private OperatorContext context;
    private SourceReader<T, SplitT> reader;
    private ReaderOutput<T> readerOutput;

    public SourceOperator(Source<T, SplitT> source, List<SplitT> splits) {
        this.source = source;
        this.splits = List.copyOf(splits);
    }

    public void setup(OperatorContext context, Output<T> output) {
        this.context = context;
        this.readerOutput =
                new ReaderOutput<>() {
                    @Override
                    public void collect(T record) {
                        output.collect(record, StreamElements.NO_TIMESTAMP);
                    }

                    @Override
                    public void collect(T record, long timestamp) {
                        output.collect(record, timestamp);
                    }
                };
    }

    public boolean isBlocking() {
        return source.isBlocking();
    }

    public void open() throws Exception {
        reader = source.createReader(new ConnectorContext(context));
        reader.addSplits(splits);
        reader.start();
    }

    /** Lets the reader emit what is available and returns what it says. */
    public InputStatus emitNext() throws Exception {
        return reader.pollNext(readerOutput);
    }

    public void close() throws Exception {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
