package io.spate.api.functions;

import io.spate.annotations.Public;
import io.spate.api.common.functions.AbstractRichFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.datastream.OutputTag;

/**
 * The most general per-element function: sees each element with its context and emits any number of
 * elements, to the main output or to side outputs. Called by the subtask's thread, once per
 * element, in input order, between {@code open} and {@code close}.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@Public
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** What {@link #processElement} knows about the element; valid only during that call. */
    public abstract class Context {
        /** The element's timestamp, or {@code null} when it has none. */
        public abstract Long timestamp();

        /**
         * Time as this subtask sees it. Timers need a keyed stream ({@code KeyedProcessFunction}).
         */
        public abstract TimerService timerService();

        /** The current processing time of this subtask, read from the engine's clock. */
        public long currentProcessingTime() {
            return timerService().currentProcessingTime();
        }

        /** Emits to a side output, with the current element's timestamp. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
