package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Counter;
import io.spate.api.common.functions.Function;
import io.spate.api.common.state.MapState;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.OutputTag;
import io.spate.api.functions.co.ProcessJoinFunction;
import io.spate.core.timers.InternalTimer;
import io.spate.core.timers.InternalTimerService;
import io.spate.core.timers.Triggerable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The interval join of two keyed inputs: a left element at {@code t} meets the right elements of
 * its key with timestamps in {@code [t + lowerBound, t + upperBound]} (both inclusive here;
 * exclusive bounds were moved by 1 ms when the job was built).
 *
 * <p>Each side is buffered in keyed map state, by timestamp. An arriving element is first added to
 * its own side's buffer, then joined with the buffered elements of the other side that are in its
 * range (for a right element at {@code t} that range is {@code [t - upperBound, t - lowerBound]}).
 * So every pair is produced exactly once, when the second of its two elements arrives, whatever the
 * order of arrival.
 *
 * <p>Event time bounds the buffers. An element whose timestamp is behind the watermark is late: it
 * is dropped (and counted), as a late element would find its partners gone. Any element that
 * arrives later has a timestamp at least the watermark, so a buffered left element at {@code t} can
 * still meet a partner only while the watermark is at most {@code t + upperBound}: an event-time
 * timer at {@code t + upperBound + 1}, in a namespace that names the bucket {@code t}, removes the
 * bucket (a right element at {@code t} likewise at {@code t - lowerBound + 1}). At the end of input
 * the final watermark empties both buffers.
 *
 * @param <K> the key type
 * @param <T1> the left input's type
 * @param <T2> the right input's type
 * @param <OUT> the output type
 */
@Internal
public final class IntervalJoinOperator<K, T1, T2, OUT> extends AbstractStreamOperator<T1, OUT>
        implements TwoInputStreamOperator<T1, T2, OUT> {
    /** The user counter, prefixed with the operator's name, of the late elements dropped. */
    public static final String LATE_RECORDS_DROPPED = "numLateRecordsDropped";

    private final ProcessJoinFunction<T1, T2, OUT> function;
    private final long lowerBound;
    private final long upperBound;
    private final TypeInfo<T1> leftType;
    private final TypeInfo<T2> rightType;

    private MapState<Long, List<T1>> leftBuffer;
    private MapState<Long, List<T2>> rightBuffer;
    private InternalTimerService<K, Long> leftCleanup;
    private InternalTimerService<K, Long> rightCleanup;
    private TimestampedCollector<OUT> collector;
    private ContextImpl ctx;
    private Counter lateDropped;

    public IntervalJoinOperator(
            ProcessJoinFunction<T1, T2, OUT> function,
            long lowerBound,
            long upperBound,
            TypeInfo<T1> leftType,
            TypeInfo<T2> rightType) {
        if (lowerBound > upperBound) {
            throw new IllegalArgumentException(
                    "An interval join needs lowerBound <= upperBound, was ["
                            + lowerBound
                            + ", "
                            + upperBound
                            + "]");
        }
        this.function = function;
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.leftType = leftType;
        this.rightType = rightType;
    }

    @Override
    protected Function userFunction() {
        return function;
    }

    @Override
    public void open() throws Exception {
        collector = new TimestampedCollector<>(output);
        ctx = new ContextImpl(function);
        leftBuffer =
                keyedStateBackend()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "interval-join-left", Types.LONG, Types.LIST(leftType)));
        rightBuffer =
                keyedStateBackend()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "interval-join-right", Types.LONG, Types.LIST(rightType)));
        leftCleanup = createTimerService(new Cleanup<>(leftBuffer));
        rightCleanup = createTimerService(new Cleanup<>(rightBuffer));
        lateDropped = context.counter(context.operatorName() + "." + LATE_RECORDS_DROPPED);
        super.open();
    }

    @Override
    public void processElement(T1 left, long timestamp) throws Exception {
        if (isLate(left, timestamp, "left")) {
            return;
        }
        buffer(leftBuffer, left, timestamp);
        long from = plus(timestamp, lowerBound);
        long to = plus(timestamp, upperBound);
        for (Map.Entry<Long, List<T2>> bucket : rightBuffer.entries()) {
            long t = bucket.getKey();
            if (t >= from && t <= to) {
                for (T2 right : bucket.getValue()) {
                    emit(left, right, timestamp, t);
                }
            }
        }
        leftCleanup.registerEventTimeTimer(timestamp, cleanupTime(timestamp, upperBound));
    }

    @Override
    public void processElement2(T2 right, long timestamp) throws Exception {
        if (isLate(right, timestamp, "right")) {
            return;
        }
        buffer(rightBuffer, right, timestamp);
        long from = plus(timestamp, -upperBound);
        long to = plus(timestamp, -lowerBound);
        for (Map.Entry<Long, List<T1>> bucket : leftBuffer.entries()) {
            long t = bucket.getKey();
            if (t >= from && t <= to) {
                for (T1 left : bucket.getValue()) {
                    emit(left, right, t, timestamp);
                }
            }
        }
        rightCleanup.registerEventTimeTimer(timestamp, cleanupTime(timestamp, -lowerBound));
    }

    private boolean isLate(Object element, long timestamp, String side) {
        if (timestamp == StreamElements.NO_TIMESTAMP) {
            throw new IllegalStateException(
                    "Interval join '"
                            + context.operatorName()
                            + "' got a "
                            + side
                            + " element without a timestamp ("
                            + element
                            + "). An interval join runs in event time: give both streams"
                            + " timestamps with a WatermarkStrategy");
        }
        long watermark = currentWatermark();
        if (watermark != Long.MIN_VALUE && timestamp < watermark) {
            lateDropped.inc();
            return true;
        }
        return false;
    }

    private static <T> void buffer(MapState<Long, List<T>> buffer, T element, long timestamp)
            throws Exception {
        List<T> bucket = buffer.get(timestamp);
        if (bucket == null) {
            bucket = new ArrayList<>(2);
        }
        bucket.add(element);
        buffer.put(timestamp, bucket);
    }

    /**
     * The first watermark at which no element can still arrive that meets one at {@code timestamp},
     * whose partners lie up to {@code reach} after it: {@code timestamp + reach + 1}.
     */
    private static long cleanupTime(long timestamp, long reach) {
        return plus(plus(timestamp, reach), 1);
    }

    /** {@code a + b}, held at the ends of the long range instead of overflowing. */
    private static long plus(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return sum;
    }

    private void emit(T1 left, T2 right, long leftTimestamp, long rightTimestamp) throws Exception {
        ctx.leftTimestamp = leftTimestamp;
        ctx.rightTimestamp = rightTimestamp;
        ctx.resultTimestamp = Math.max(leftTimestamp, rightTimestamp);
        collector.setTimestamp(ctx.resultTimestamp);
        function.processElement(left, right, ctx, collector);
    }

    /** Removes the bucket a cleanup timer names (its namespace) when the timer fires. */
    private static final class Cleanup<K, T> implements Triggerable<K, Long> {
        private final MapState<Long, List<T>> buffer;

        Cleanup(MapState<Long, List<T>> buffer) {
            this.buffer = buffer;
        }

        @Override
        public void onEventTime(InternalTimer<K, Long> timer) throws Exception {
            buffer.remove(timer.namespace());
        }

        @Override
        public void onProcessingTime(InternalTimer<K, Long> timer) {
            throw new IllegalStateException("An interval join sets no processing-time timers");
        }
    }

    private final class ContextImpl extends ProcessJoinFunction<T1, T2, OUT>.Context {
        long leftTimestamp;
        long rightTimestamp;
        long resultTimestamp;

        ContextImpl(ProcessJoinFunction<T1, T2, OUT> f) {
            f.super();
        }

        @Override
        public long getLeftTimestamp() {
            return leftTimestamp;
        }

        @Override
        public long getRightTimestamp() {
            return rightTimestamp;
        }

        @Override
        public long getTimestamp() {
            return resultTimestamp;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            if (value == null) {
                throw new NullPointerException("A side output cannot carry null");
            }
            output.collect(outputTag, value, resultTimestamp);
        }
    }
}
