package io.spate.api.functions;

import io.spate.annotations.Public;
import io.spate.api.common.functions.AbstractRichFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.datastream.OutputTag;

/**
 * A {@link ProcessFunction} on a keyed stream: it knows the current key, the keyed state it obtains
 * from its runtime context is scoped to that key, and it can set timers per key, which call {@link
 * #onTimer} with that key current.
 *
 * <p>{@code processElement} and {@code onTimer} are called by the same thread, never at once.
 *
 * @param <K> the key type
 * @param <I> the input type
 * @param <O> the output type
 */
@Public
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /**
     * Called when a timer set with the context's {@link TimerService} fires. Elements emitted here
     * carry the timer's time as their timestamp.
     */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** What {@link #processElement} knows; valid only during that call. */
    public abstract class Context {
        /** The element's timestamp (the timer's time in {@code onTimer}), or {@code null}. */
        public abstract Long timestamp();

        public abstract TimerService timerService();

        /** The current processing time of this subtask, read from the engine's clock. */
        public long currentProcessingTime() {
            return timerService().currentProcessingTime();
        }

        /** Emits to a side output, with the current element's timestamp. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);

        /** The key of the element or timer being processed. */
        public abstract K getCurrentKey();
    }

    /** What {@link #onTimer} knows; valid only during that call. */
    public abstract class OnTimerContext extends Context {
        /** Whether the firing timer is an event-time or a processing-time timer. */
        public abstract TimeDomain timeDomain();
    }
}
