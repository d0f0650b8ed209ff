package io.spate.api.functions.co;

import io.spate.annotations.Public;
import io.spate.api.common.functions.AbstractRichFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.datastream.OutputTag;
import io.spate.api.functions.TimeDomain;
import io.spate.api.functions.TimerService;

/**
 * Processes the elements of two streams keyed by keys of one type ({@code
 * first.connect(second).keyBy(key1, key2)}): elements of either input with equal keys meet at the
 * same subtask, share the keyed state the function gets from its runtime context, and share the
 * key's timers, which call {@link #onTimer} with that key current.
 *
 * <p>{@code processElement1}, {@code processElement2} and {@code onTimer} are called by the
 * subtask's thread, never at once, between {@code open} and {@code close}. Within one input the
 * elements arrive in order; between the inputs the order is not defined, so a function that must
 * see both sides before it decides (an enrichment join) buffers in keyed state and decides in a
 * timer.
 *
 * @param <K> the key type
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
@Public
public abstract class KeyedCoProcessFunction<K, IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out)
            throws Exception;

    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out)
            throws Exception;

    /**
     * Called when a timer set with the context's {@link TimerService} fires, with the timer's key
     * current. Elements emitted here carry the timer's time as their timestamp (event time) or none
     * (processing time).
     */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    /** What the function knows about the element being processed; valid only during that call. */
    public abstract class Context {
        /** The element's timestamp (the timer's time in {@code onTimer}), or {@code null}. */
        public abstract Long timestamp();

        /** Time, and timers for the current key. */
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
