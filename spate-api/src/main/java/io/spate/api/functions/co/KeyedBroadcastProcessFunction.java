package io.spate.api.functions.co;

import io.spate.annotations.Public;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.state.AggregatingState;
import io.spate.api.common.state.AggregatingStateDescriptor;
import io.spate.api.common.state.KeyedStateFunction;
import io.spate.api.common.state.ListState;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.MapState;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ReducingState;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.functions.TimeDomain;
import io.spate.api.functions.TimerService;

/**
 * Processes a keyed stream together with a broadcast stream ({@code
 * keyed.connect(other.broadcast(descriptor))}): every parallel instance sees every broadcast
 * element in {@link #processBroadcastElement}, where it may update its copy of the broadcast state
 * and visit the keyed state of all its keys ({@link Context#applyToKeyedState}); the keyed stream's
 * elements come to {@link #processElement} with their key current, with keyed state, timers and
 * read-only broadcast state.
 *
 * <p>{@code processElement}, {@code processBroadcastElement} and {@code onTimer} are called by the
 * subtask's thread, never at once, between {@code open} and {@code close}. The order between the
 * two inputs is not defined. In {@code processBroadcastElement} no key is current: keyed state is
 * reachable only through {@code applyToKeyedState}.
 *
 * @param <KS> the key type of the keyed input
 * @param <IN1> the keyed input's type
 * @param <IN2> the broadcast input's type
 * @param <OUT> the output type
 */
@Public
public abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>
        extends BaseBroadcastProcessFunction {
    private static final long serialVersionUID = 1L;

    /**
     * Called for each element of the keyed input, with its key current and read-only broadcast
     * state.
     */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out)
            throws Exception;

    /** Called for each broadcast element, with read-write broadcast state and no current key. */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out)
            throws Exception;

    /**
     * Called when a timer set in {@link #processElement} or {@code onTimer} fires, with its key
     * current. Elements emitted here carry the timer's time (event time) or no timestamp
     * (processing time).
     */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    /** The broadcast side's context. */
    public abstract class Context extends BaseBroadcastProcessFunction.Context {
        /**
         * Calls {@code function} for every key of this subtask that holds a value of the state
         * {@code descriptor} names, with that key current; the function may change or clear the
         * state. The keys are collected first, so clearing is safe.
         */
        public abstract <T> void applyToKeyedState(
                ValueStateDescriptor<T> descriptor, KeyedStateFunction<KS, ValueState<T>> function)
                throws Exception;

        /** Like the value-state variant, for a list state. */
        public abstract <T> void applyToKeyedState(
                ListStateDescriptor<T> descriptor, KeyedStateFunction<KS, ListState<T>> function)
                throws Exception;

        /** Like the value-state variant, for a map state. */
        public abstract <UK, UV> void applyToKeyedState(
                MapStateDescriptor<UK, UV> descriptor,
                KeyedStateFunction<KS, MapState<UK, UV>> function)
                throws Exception;

        /** Like the value-state variant, for a reducing state. */
        public abstract <T> void applyToKeyedState(
                ReducingStateDescriptor<T> descriptor,
                KeyedStateFunction<KS, ReducingState<T>> function)
                throws Exception;

        /** Like the value-state variant, for an aggregating state. */
        public abstract <IN, ACC, OUT2> void applyToKeyedState(
                AggregatingStateDescriptor<IN, ACC, OUT2> descriptor,
                KeyedStateFunction<KS, AggregatingState<IN, OUT2>> function)
                throws Exception;
    }

    /** The keyed side's context. */
    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {
        /** Time, and timers for the current key. */
        public abstract TimerService timerService();

        /** The key of the element or timer being processed. */
        public abstract KS getCurrentKey();
    }

    /** What {@link #onTimer} knows. */
    public abstract class OnTimerContext extends ReadOnlyContext {
        /** Whether the firing timer is an event-time or a processing-time timer. */
        public abstract TimeDomain timeDomain();
    }
}
