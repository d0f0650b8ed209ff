package io.spate.api.connector.source.lib;

import io.spate.annotations.Internal;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@link IndexRangeSplit}s one after the other, turning each index into a record. Subclasses
 * say how ({@link #emit}) and may hold back with {@link #permits} (rate limiting).
 */
@Internal
public abstract class IndexRangeReader<T> implements SourceReader<T, IndexRangeSplit> {
    /** How many records one {@code pollNext} emits at most. */
    private static final int RECORDS_PER_POLL = 64;

    private final ArrayDeque<IndexRangeSplit> pending = new ArrayDeque<>();
    private IndexRangeSplit current;
    private long next;

    @Override
    public void addSplits(List<IndexRangeSplit> splits) {
        pending.addAll(splits);
    }

    @Override
    public void start() throws Exception {}

    /** Emits the record of {@code index}. */
    protected abstract void emit(long index, ReaderOutput<T> output) throws Exception;

    /** How many records may be emitted now; {@code Long.MAX_VALUE} when unlimited. */
    protected long permits() {
        return Long.MAX_VALUE;
    }

    /** Told how many records were just emitted, so that a rate limiter can count them. */
    protected void emitted(long count) {}

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (current == null || next >= current.end()) {
            current = pending.poll();
            if (current == null) {
                return InputStatus.END_OF_INPUT;
            }
            next = current.next();
            if (next >= current.end()) {
                return pending.isEmpty() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
            }
        }
        long n = Math.min(Math.min(RECORDS_PER_POLL, permits()), current.end() - next);
        if (n <= 0) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        for (long i = 0; i < n; i++) {
            emit(next, output);
            next++;
        }
        emitted(n);
        if (next >= current.end() && pending.isEmpty()) {
            current = null;
            return InputStatus.END_OF_INPUT;
        }
        return InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<IndexRangeSplit> snapshotState(long checkpointId) {
        List<IndexRangeSplit> state = new ArrayList<>(pending.size() + 1);
        if (current != null && next < current.end()) {
            state.add(current.withNext(next));
        }
        state.addAll(pending);
        return state;
    }

    @Override
    public void close() throws Exception {}
}
