package io.spate.api.datastream;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.functions.co.ProcessJoinFunction;
import io.spate.api.graph.CoOperatorSpecs;
import java.util.Objects;

/**
 * An interval join with its bounds ({@code left.intervalJoin(right).between(lower, upper)}): make
 * bounds exclusive if needed, then give the function that handles each joined pair.
 *
 * <p>How it runs: each subtask buffers the elements of both sides in keyed state, by timestamp. An
 * element is joined with what the other side has buffered when it arrives, so every pair is
 * produced exactly once, by whichever of the two elements arrives second. An element whose
 * timestamp is behind the watermark (late) is dropped and counted in {@code
 * <name>.numLateRecordsDropped}; a buffered element is removed by an event-time timer once the
 * watermark has passed the last time that a partner of it can have. Elements need timestamps.
 *
 * @param <T1> the left stream's type
 * @param <T2> the right stream's type
 * @param <K> the key type
 */
@Public
public class IntervalJoined<T1, T2, K> {
    private final KeyedStream<T1, K> left;
    private final KeyedStream<T2, K> right;
    private final long lowerBound;
    private final long upperBound;
    private boolean lowerBoundInclusive = true;
    private boolean upperBoundInclusive = true;

    protected IntervalJoined(
            KeyedStream<T1, K> left, KeyedStream<T2, K> right, long lowerBound, long upperBound) {
        this.left = left;
        this.right = right;
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
    }

    /** Excludes the lower bound: right elements at exactly {@code t + lowerBound} do not join. */
    public IntervalJoined<T1, T2, K> lowerBoundExclusive() {
        lowerBoundInclusive = false;
        return this;
    }

    /** Excludes the upper bound: right elements at exactly {@code t + upperBound} do not join. */
    public IntervalJoined<T1, T2, K> upperBoundExclusive() {
        upperBoundInclusive = false;
        return this;
    }

    /** Calls {@code function} for every joined pair. */
    public <OUT> SingleOutputStreamOperator<OUT> process(
            ProcessJoinFunction<T1, T2, OUT> function) {
        ConnectedStreams<T1, T2> connected = connected();
        return connected.transform(
                "IntervalJoin",
                spec(function),
                connected.outputType(function, ProcessJoinFunction.class, 0, 2, "IntervalJoin"));
    }

    /** Calls {@code function} for every joined pair; the output type is given explicitly. */
    public <OUT> SingleOutputStreamOperator<OUT> process(
            ProcessJoinFunction<T1, T2, OUT> function, TypeInfo<OUT> outputType) {
        return connected()
                .transform(
                        "IntervalJoin",
                        spec(function),
                        DataStream.Result.of(Objects.requireNonNull(outputType, "outputType")));
    }

    private ConnectedStreams<T1, T2> connected() {
        return new ConnectedStreams<>(left.getExecutionEnvironment(), left, right);
    }

    private CoOperatorSpecs.IntervalJoin spec(ProcessJoinFunction<T1, T2, ?> function) {
        Objects.requireNonNull(function, "function");
        long lower = lowerBoundInclusive ? lowerBound : lowerBound + 1;
        long upper = upperBoundInclusive ? upperBound : upperBound - 1;
        if (lower > upper) {
            throw new IllegalArgumentException(
                    "The interval join bounds "
                            + (lowerBoundInclusive ? "[" : "(")
                            + lowerBound
                            + " ms, "
                            + upperBound
                            + " ms"
                            + (upperBoundInclusive ? "]" : ")")
                            + " contain no time at all: widen them or make them inclusive");
        }
        return new CoOperatorSpecs.IntervalJoin(
                function, lower, upper, left.getType(), right.getType());
    }
}
