package io.spate.api.functions.co;

import io.spate.annotations.Public;
import io.spate.api.common.functions.Collector;

/**
 * Processes a non-keyed stream together with a broadcast stream ({@code
 * stream.connect(other.broadcast(descriptor))}): every parallel instance sees every broadcast
 * element in {@link #processBroadcastElement}, where it may update its copy of the broadcast state,
 * and its share of the other stream's elements in {@link #processElement}, where it may read it.
 *
 * <p>Both methods are called by the subtask's thread, never at once, between {@code open} and
 * {@code close}. The order between the two inputs is not defined: an element may be processed
 * before or after a broadcast element that was produced earlier. To keep the copies of the
 * broadcast state equal, change it only as a function of the broadcast elements.
 *
 * @param <IN1> the non-broadcast input's type
 * @param <IN2> the broadcast input's type
 * @param <OUT> the output type
 */
@Public
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
    private static final long serialVersionUID = 1L;

    /** Called for each element of the non-broadcast input, with read-only broadcast state. */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out)
            throws Exception;

    /** Called for each broadcast element, with read-write broadcast state. */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out)
            throws Exception;

    /** The broadcast side's context. */
    public abstract class Context extends BaseBroadcastProcessFunction.Context {}

    /** The non-broadcast side's context. */
    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {}
}
