package io.spate.tests.api;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SourceSplit;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers {@code 0..count-1}, from one subtask, emitted only once a gate file exists: until the
 * test creates it, the job runs without finishing. Keeps the test in control without sleeping and
 * without state shared through static fields.
 */
final class GatedSource implements Source<Long, GatedSource.Split> {
    private static final long serialVersionUID = 1L;

    private final String gate;
    private final long count;

    GatedSource(Path gate, long count) {
        this.gate = gate.toString();
        this.count = count;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public List<Split> createSplits(int parallelism) {
        return List.of(new Split(0));
    }

    @Override
    public SourceReader<Long, Split> createReader(SourceReaderContext context) {
        return new SourceReader<>() {
            private final List<Split> splits = new ArrayList<>();
            private long next;

            @Override
            public void addSplits(List<Split> assigned) {
                splits.addAll(assigned);
                if (!splits.isEmpty()) {
                    next = splits.get(0).next();
                }
            }

            @Override
            public void start() {}

            @Override
            public InputStatus pollNext(ReaderOutput<Long> output) {
                if (splits.isEmpty() || next >= count) {
                    return InputStatus.END_OF_INPUT;
                }
                if (!Files.exists(Path.of(gate))) {
                    return InputStatus.NOTHING_AVAILABLE;
                }
                for (int i = 0; i < 64 && next < count; i++) {
                    output.collect(next++);
                }
                return next < count ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
            }

            @Override
            public List<Split> snapshotState(long checkpointId) {
                return splits.isEmpty() ? List.of() : List.of(new Split(next));
            }

            @Override
            public void close() {}
        };
    }

    /** The position reached. */
    record Split(long next) implements SourceSplit, Serializable {
        @Override
        public String splitId() {
            return "gated";
        }
    }
}
