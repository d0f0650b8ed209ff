package io.spate.api.connector.source.lib;

import io.spate.annotations.Public;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Emits the elements of a collection, in order, from one subtask. The elements travel with the job,
 * so keep the collection small; for large or generated data use {@link DataGeneratorSource}.
 */
@Public
public final class FromElementsSource<T> implements Source<T, IndexRangeSplit> {
    private static final long serialVersionUID = 1L;

    private final ArrayList<T> elements;

    public FromElementsSource(Collection<T> elements) {
        this.elements = new ArrayList<>(elements);
        for (int i = 0; i < this.elements.size(); i++) {
            if (this.elements.get(i) == null) {
                throw new IllegalArgumentException(
                        "Element " + i + " of the collection is null; streams cannot carry null");
            }
        }
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public List<IndexRangeSplit> createSplits(int parallelism) {
        return List.of(new IndexRangeSplit("0", 0, elements.size()));
    }

    @Override
    public SourceReader<T, IndexRangeSplit> createReader(SourceReaderContext context) {
        return new IndexRangeReader<>() {
            @Override
            protected void emit(long index, SourceOutput<T> output) {
                output.collect(elements.get((int) index));
            }
        };
    }
}
