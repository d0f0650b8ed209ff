package io.spate.api.connector.source.lib;

import io.spate.annotations.Internal;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.connector.source.SourceReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@link IndexRangeSplit}s, turning each index into a record. Subclasses say how ({@link
 * #emit}) and may hold back with {@link #permits} (rate limiting).
 *
 * <p>Each split emits through its own output ({@link ReaderOutput#createOutputForSplit}), so that a
 * shard of a generator counts as a split for watermarks and idleness, and releases it when it is
 * done. A reader with several splits reads them in turn, a few records from each per poll, so that
 * their event time advances together; and it opens the outputs of all of them before the first
 * record, so that a split not yet read holds the watermark back instead of finding it has passed.
 */
@Internal
public abstract class IndexRangeReader<T> implements SourceReader<T, IndexRangeSplit> {
    /** How many records one {@code pollNext} emits at most. */
    private static final int RECORDS_PER_POLL = 64;

    /** The splits not yet finished, the one to read next first. */
    private final ArrayDeque<Cursor> splits = new ArrayDeque<>();

    private boolean outputsOpened;

    /** A split and the next index to read in it. */
    private static final class Cursor {
        final IndexRangeSplit split;
        long next;

        Cursor(IndexRangeSplit split) {
            this.split = split;
            this.next = split.next();
        }
    }

    @Override
    public void addSplits(List<IndexRangeSplit> newSplits) {
        for (IndexRangeSplit split : newSplits) {
            if (split.next() < split.end()) {
                splits.add(new Cursor(split));
            }
        }
    }

    @Override
    public void start() throws Exception {}

    /** Emits the record of {@code index} to the output of the split that holds it. */
    protected abstract void emit(long index, SourceOutput<T> output) throws Exception;

    /** How many records may be emitted now; {@code Long.MAX_VALUE} when unlimited. */
    protected long permits() {
        return Long.MAX_VALUE;
    }

    /** Told how many records were just emitted, so that a rate limiter can count them. */
    protected void emitted(long count) {}

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        Cursor cursor = splits.peek();
        if (cursor == null) {
            return InputStatus.END_OF_INPUT;
        }
        if (!outputsOpened) {
            outputsOpened = true;
            for (Cursor c : splits) {
                output.createOutputForSplit(c.split.splitId());
            }
        }
        long n = Math.min(Math.min(RECORDS_PER_POLL, permits()), cursor.split.end() - cursor.next);
        if (n <= 0) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        String splitId = cursor.split.splitId();
        SourceOutput<T> splitOutput = output.createOutputForSplit(splitId);
        for (long i = 0; i < n; i++) {
            emit(cursor.next, splitOutput);
            cursor.next++;
        }
        emitted(n);
        splits.poll();
        if (cursor.next < cursor.split.end()) {
            splits.add(cursor); // the others' turn
        } else {
            output.releaseOutputForSplit(splitId);
        }
        return splits.isEmpty() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<IndexRangeSplit> snapshotState(long checkpointId) {
        List<IndexRangeSplit> state = new ArrayList<>(splits.size());
        for (Cursor c : splits) {
            state.add(c.split.withNext(c.next));
        }
        return state;
    }

    @Override
    public void close() throws Exception {}
}
