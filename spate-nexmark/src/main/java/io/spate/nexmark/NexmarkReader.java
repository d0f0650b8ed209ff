package io.spate.nexmark;

import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.common.time.Clock;
import io.spate.nexmark.generator.NexmarkGenerator;
import io.spate.nexmark.model.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@link NexmarkSplit}s of one subtask: generates each split's events in index order and
 * emits them, with their event time, through the split's own output, so that watermarks are per
 * split. A reader with several splits (after a restore at another parallelism) takes them in turns,
 * a batch from each, so that their event time advances together; it opens all their outputs before
 * the first event, so that a split not yet read holds the watermark back.
 *
 * <p>With a wall-clock rate, the reader emits no more than its share of it (the rate times its
 * number of splits over their stride), counted from its first poll; ahead of schedule it reports
 * that nothing is available, never blocking.
 */
final class NexmarkReader implements SourceReader<Event, NexmarkSplit> {
    /** Events per poll: enough to amortise the poll, few enough to keep a poll short. */
    static final int EVENTS_PER_POLL = 128;

    private final NexmarkGenerator generator;
    private final double wallClockRate;
    private final Clock clock;

    /** The splits not yet finished, the one to read next first. */
    private final ArrayDeque<Cursor> splits = new ArrayDeque<>();

    private boolean outputsOpened;

    /** Events per wall-clock second for this reader; 0 when unthrottled. */
    private double ownRate;

    private long startNanos = Long.MIN_VALUE;
    private long emitted;

    /** A split and the next index to emit in it. */
    private static final class Cursor {
        final NexmarkSplit split;
        final long stride;
        final long end;
        long next;

        Cursor(NexmarkSplit split) {
            this.split = split;
            this.stride = split.stride();
            this.end = split.end();
            this.next = split.next();
        }
    }

    NexmarkReader(NexmarkGenerator generator, double wallClockRate, Clock clock) {
        this.generator = generator;
        this.wallClockRate = wallClockRate;
        this.clock = clock;
    }

    @Override
    public void addSplits(List<NexmarkSplit> newSplits) {
        for (NexmarkSplit split : newSplits) {
            if (split.remaining() > 0) {
                splits.add(new Cursor(split));
            }
        }
    }

    @Override
    public void start() {
        ownRate = 0;
        if (wallClockRate > 0) {
            for (Cursor c : splits) {
                ownRate += wallClockRate / c.stride;
            }
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Event> output) {
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
        long n = Math.min(EVENTS_PER_POLL, (cursor.end - cursor.next - 1) / cursor.stride + 1);
        if (ownRate > 0) {
            n = Math.min(n, permits());
            if (n <= 0) {
                return InputStatus.NOTHING_AVAILABLE;
            }
            emitted += n;
        }
        String splitId = cursor.split.splitId();
        SourceOutput<Event> out = output.createOutputForSplit(splitId);
        NexmarkGenerator g = generator;
        long e = cursor.next;
        long stride = cursor.stride;
        for (long i = 0; i < n; i++) {
            Event event = g.event(e);
            out.collect(event, event.dateTime());
            e += stride;
        }
        cursor.next = e;
        splits.poll();
        if (e < cursor.end) {
            splits.add(cursor); // the others' turn
        } else {
            output.releaseOutputForSplit(splitId);
        }
        return splits.isEmpty() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
    }

    /** How many events the wall-clock rate allows now. */
    private long permits() {
        long now = clock.nanoTime();
        if (startNanos == Long.MIN_VALUE) {
            startNanos = now;
        }
        long allowed = (long) ((now - startNanos) / 1e9 * ownRate) + 1;
        return allowed - emitted;
    }

    @Override
    public List<NexmarkSplit> snapshotState(long checkpointId) {
        List<NexmarkSplit> state = new ArrayList<>(splits.size());
        for (Cursor c : splits) {
            state.add(c.split.withNext(c.next));
        }
        return state;
    }

    @Override
    public void close() {}
}
