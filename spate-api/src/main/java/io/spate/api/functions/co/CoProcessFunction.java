package io.spate.api.functions.co;

import io.spate.annotations.Public;
import io.spate.api.common.functions.AbstractRichFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.datastream.OutputTag;
import io.spate.api.functions.TimerService;

/**
 * Processes the elements of two connected streams, each with its context: {@link #processElement1}
 * for the first stream's elements, {@link #processElement2} for the second's. Emits any number of
 * elements to the main output or to side outputs.
 *
 * <p>Both methods are called by the subtask's thread, never at once, between {@code open} and
 * {@code close}; within one input in arrival order, between the inputs in no defined order.
 *
 * <p>Timers need keyed inputs: {@code connected.keyBy(key1, key2).process(new
 * KeyedCoProcessFunction<>() {...})}. Here the {@link TimerService} tells the time but refuses
 * timers.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
@Public
public abstract class CoProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out)
            throws Exception;

    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out)
            throws Exception;

    /** What the function knows about the element being processed; valid only during that call. */
    public abstract class Context {
        /** The element's timestamp, or {@code null} when it has none. */
        public abstract Long timestamp();

        /** Time as this subtask sees it; timers are refused (they need keyed inputs). */
        public abstract TimerService timerService();

        /** The current processing time of this subtask, read from the engine's clock. */
        public long currentProcessingTime() {
            return timerService().currentProcessingTime();
        }

        /** Emits to a side output, with the current element's timestamp. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
