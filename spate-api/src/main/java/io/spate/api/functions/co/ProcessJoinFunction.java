package io.spate.api.functions.co;

import io.spate.annotations.Public;
import io.spate.api.common.functions.AbstractRichFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.datastream.OutputTag;

/**
 * Called by an interval join ({@code left.intervalJoin(right).between(lower, upper)}) once for
 * every pair of a left and a right element with equal keys whose timestamps are within the bounds.
 * Emits any number of elements, which carry the larger of the two timestamps.
 *
 * <p>Called by the subtask's thread, never at once, between {@code open} and {@code close}. The
 * order of the pairs is not defined.
 *
 * @param <IN1> the left input's type
 * @param <IN2> the right input's type
 * @param <OUT> the output type
 */
@Public
public abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out)
            throws Exception;

    /** What the function knows about the pair being joined; valid only during that call. */
    public abstract class Context {
        /** The left element's timestamp. */
        public abstract long getLeftTimestamp();

        /** The right element's timestamp. */
        public abstract long getRightTimestamp();

        /** The timestamp of what the function emits: the larger of the two. */
        public abstract long getTimestamp();

        /** Emits to a side output, with {@link #getTimestamp()}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
