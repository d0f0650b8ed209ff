package io.spate.testutils;

import io.spate.annotations.NotThreadSafe;
import io.spate.annotations.Public;
import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.DataStreamSource;
import io.spate.core.operators.StreamElements;
import io.spate.core.operators.WatermarkStatus;
import io.spate.core.plan.JobVertex;
import io.spate.runtime.exchange.ControlEvent;
import io.spate.runtime.exchange.RecordWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A source that the test feeds, created by {@link PipelineTestDriver#input}: build the pipeline on
 * {@link #stream()}, then add records, move the watermark, declare the input idle and end it. Each
 * call runs the pipeline until everything it caused has happened.
 *
 * <p>An input has one or more <b>splits</b>; each is read by a subtask of its own (split i by
 * subtask i) and has its own watermark and idleness, as the splits or subtasks of a real source do.
 * The operators reading the input combine them the way they combine any inputs: their event time is
 * the minimum watermark over the splits that are not idle, and it is the end of time once every
 * split has ended. Address one split with {@link #split(int)} to simulate disorder between splits
 * or a silent one; the calls on the input itself apply to every split, except {@link #add}, which
 * deals records to the splits in turn.
 *
 * <p>Nothing happens by itself: the watermark is only what {@link #advanceWatermark} says (a lower
 * one than before is sent too, and ignored downstream, as in a job), and a split is idle only when
 * {@link #markIdle} says so, until it emits a record or a watermark again. To test a {@link
 * WatermarkStrategy}, apply it in the pipeline: {@code
 * input.stream().assignTimestampsAndWatermarks(strategy)}; its periodic watermarks and idleness
 * follow the driver's processing time.
 *
 * @param <T> the record type
 */
@Public
@NotThreadSafe
public final class TestInput<T> {
    private final PipelineTestDriver driver;
    private final DataStreamSource<T> stream;
    private final String name;
    private final List<Split> splits = new ArrayList<>();
    private int nextSplit;

    TestInput(PipelineTestDriver driver, TypeInfo<T> type, int splitCount, String name) {
        this.driver = driver;
        this.name = name;
        this.stream =
                driver.env()
                        .fromSource(
                                new DriverFedSource<T>(),
                                WatermarkStrategy.noWatermarks(),
                                name,
                                type);
        // A vertex of its own, whatever follows: the driver writes into the exchanges leaving it.
        stream.setParallelism(splitCount).disableChaining();
        for (int i = 0; i < splitCount; i++) {
            splits.add(new Split(i));
        }
    }

    /** The stream of this input's records, to build the pipeline on. */
    public DataStream<T> stream() {
        return stream;
    }

    /** The number of splits. */
    public int splitCount() {
        return splits.size();
    }

    /** Split {@code index}, read by subtask {@code index} of the input. */
    public Split split(int index) {
        if (index < 0 || index >= splits.size()) {
            throw new IndexOutOfBoundsException(
                    name + " has " + splits.size() + " split(s); there is no split " + index);
        }
        return splits.get(index);
    }

    /** Adds a record without a timestamp, to the next split in turn. */
    public void add(T value) {
        add(value, StreamElements.NO_TIMESTAMP);
    }

    /** Adds a record with its event time, to the next split in turn. */
    public void add(T value, long timestamp) {
        Split split = nextOpenSplit();
        nextSplit = (split.index + 1) % splits.size();
        split.add(value, timestamp);
    }

    /** Moves the watermark of every split that has not ended to {@code watermark}. */
    public void advanceWatermark(long watermark) {
        for (Split s : open()) {
            s.send(() -> s.emit(w -> w.emitWatermark(watermark)));
        }
        driver.settle();
    }

    /** Declares every split that has not ended idle. */
    public void markIdle() {
        for (Split s : open()) {
            s.goIdle();
        }
        driver.settle();
    }

    /** Ends every split that has not ended: event time ends for this input. */
    public void end() {
        for (Split s : open()) {
            s.sendEnd();
        }
        driver.settle();
    }

    @Override
    public String toString() {
        return name;
    }

    // ------------------------------------------------------------------ for the driver

    int transformationId() {
        return stream.getTransformation().getId();
    }

    void connect(JobVertex vertex, Wiring wiring) {
        for (Split s : splits) {
            s.writers = wiring.writersOf(vertex, s.index);
        }
    }

    /** Moves waiting items into the channels; returns whether any moved. */
    boolean flush() {
        boolean moved = false;
        for (Split s : splits) {
            for (RecordWriter w : s.writers) {
                moved |= w.flush();
            }
        }
        return moved;
    }

    private List<Split> open() {
        driver.requireRunning();
        List<Split> open = new ArrayList<>();
        for (Split s : splits) {
            if (!s.ended) {
                open.add(s);
            }
        }
        if (open.isEmpty()) {
            throw new IllegalStateException(name + " has ended");
        }
        return open;
    }

    private Split nextOpenSplit() {
        open();
        for (int i = 0; i < splits.size(); i++) {
            Split s = splits.get((nextSplit + i) % splits.size());
            if (!s.ended) {
                return s;
            }
        }
        throw new IllegalStateException(name + " has ended");
    }

    /** One split of the input, read by the input's subtask of the same index. */
    @NotThreadSafe
    public final class Split {
        private final int index;
        private List<RecordWriter> writers = List.of();
        private boolean idle;
        private boolean ended;

        private Split(int index) {
            this.index = index;
        }

        /** Adds a record without a timestamp. */
        public void add(T value) {
            add(value, StreamElements.NO_TIMESTAMP);
        }

        /** Adds a record with its event time; an idle split becomes active again. */
        public void add(T value, long timestamp) {
            Objects.requireNonNull(value, "A stream cannot carry null");
            requireOpen();
            send(() -> emit(w -> w.collect(value, timestamp)));
            driver.settle();
        }

        /**
         * Moves this split's watermark to {@code watermark}: no record with a timestamp at or below
         * it follows. An idle split becomes active again.
         */
        public void advanceWatermark(long watermark) {
            requireOpen();
            send(() -> emit(w -> w.emitWatermark(watermark)));
            driver.settle();
        }

        /**
         * Declares the split idle: it stops holding back the watermark downstream until it emits a
         * record or a watermark again.
         */
        public void markIdle() {
            requireOpen();
            goIdle();
            driver.settle();
        }

        /** Ends the split: it counts as having reached the end of event time. */
        public void end() {
            requireOpen();
            sendEnd();
            driver.settle();
        }

        /** The split's index, which is also the index of the subtask that reads it. */
        public int index() {
            return index;
        }

        public boolean isIdle() {
            return idle;
        }

        public boolean hasEnded() {
            return ended;
        }

        @Override
        public String toString() {
            return "split " + index + " of " + name;
        }

        private void requireOpen() {
            driver.requireRunning();
            if (ended) {
                throw new IllegalStateException(this + " has ended");
            }
        }

        /** Sends what {@code action} emits, after declaring the split active if it was idle. */
        private void send(Runnable action) {
            if (idle) {
                idle = false;
                emit(w -> w.emitWatermarkStatus(WatermarkStatus.ACTIVE));
            }
            action.run();
        }

        private void goIdle() {
            if (!idle) {
                idle = true;
                emit(w -> w.emitWatermarkStatus(WatermarkStatus.IDLE));
            }
        }

        private void sendEnd() {
            ended = true;
            idle = false;
            emit(w -> w.broadcastEvent(ControlEvent.END_OF_INPUT));
        }

        private void emit(Consumer<RecordWriter> what) {
            for (RecordWriter w : writers) {
                what.accept(w);
            }
        }
    }

    /**
     * The source a test input stands for in the job graph. It never runs: the driver writes the
     * input's records into the exchanges that leave it.
     */
    private static final class DriverFedSource<T> implements Source<T, SourceSplit> {
        private static final long serialVersionUID = 1L;

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.CONTINUOUS_UNBOUNDED;
        }

        @Override
        public List<SourceSplit> createSplits(int parallelism) {
            return List.of();
        }

        @Override
        public SourceReader<T, SourceSplit> createReader(SourceReaderContext context) {
            throw new UnsupportedOperationException(
                    "A test input is fed by its PipelineTestDriver and cannot run in a job; the"
                            + " driver runs the pipeline (do not call execute() on driver.env())");
        }
    }
}
