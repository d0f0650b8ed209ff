package io.spate.api.windowing.triggers;

import io.spate.annotations.Public;
import io.spate.api.common.state.AggregatingState;
import io.spate.api.common.state.AggregatingStateDescriptor;
import io.spate.api.common.state.ListState;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.MapState;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ReducingState;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.state.StateDescriptor;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Decides when a window is evaluated ({@link TriggerResult#FIRE}) and when its contents are dropped
 * ({@link TriggerResult#PURGE}).
 *
 * <p>The window operator calls a trigger on the subtask's thread, one call at a time, always for
 * one (key, window): {@link #onElement} for every element added to the window, {@link #onEventTime}
 * and {@link #onProcessingTime} when a timer the trigger registered through its {@link
 * TriggerContext} fires, {@link #onMerge} when windows merge, and {@link #clear} when the window
 * ends (at its end plus the allowed lateness) or is merged into another. A trigger keeps what it
 * must remember in partitioned state ({@link TriggerContext#getPartitionedState}), which is per key
 * and window; fields of the trigger object are shared by all keys and windows of a subtask and must
 * not hold per-window data.
 *
 * <p>When the window ends, the operator clears the trigger's partitioned state for that window
 * after calling {@link #clear}; {@code clear} is where the trigger deletes its timers.
 *
 * @param <T> the type of the elements
 * @param <W> the type of the windows
 */
@Public
public abstract class Trigger<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Called for every element added to {@code window}. */
    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx)
            throws Exception;

    /** Called when a processing-time timer of this (key, window) fires. */
    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx)
            throws Exception;

    /** Called when an event-time timer of this (key, window) fires. */
    public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx)
            throws Exception;

    /** Whether this trigger supports merging windows; required with session assigners. */
    public boolean canMerge() {
        return false;
    }

    /**
     * Called when windows merged into {@code window}: merge partitioned state with {@link
     * OnMergeContext#mergePartitionedState} and register the timers the merged window needs. The
     * merged windows' triggers are cleared afterwards.
     */
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " does not support merging");
    }

    /** Called when {@code window} ends or is merged away: delete timers, release resources. */
    public abstract void clear(W window, TriggerContext ctx) throws Exception;

    /**
     * What a trigger can do while it is called: read time, set timers and reach state, all for the
     * current key and window.
     */
    public interface TriggerContext {
        /** The subtask's current processing time. */
        long getCurrentProcessingTime();

        /** The operator's current watermark. */
        long getCurrentWatermark();

        /** Calls {@link #onProcessingTime} for this (key, window) when the clock reaches time. */
        void registerProcessingTimeTimer(long time);

        /** Calls {@link #onEventTime} for this (key, window) when the watermark reaches time. */
        void registerEventTimeTimer(long time);

        void deleteProcessingTimeTimer(long time);

        void deleteEventTimeTimer(long time);

        /** State of this trigger for the current key and window. */
        <S> ValueState<S> getPartitionedState(ValueStateDescriptor<S> descriptor);

        <S> ListState<S> getPartitionedState(ListStateDescriptor<S> descriptor);

        <S> ReducingState<S> getPartitionedState(ReducingStateDescriptor<S> descriptor);

        <IN, ACC, OUT> AggregatingState<IN, OUT> getPartitionedState(
                AggregatingStateDescriptor<IN, ACC, OUT> descriptor);

        <UK, UV> MapState<UK, UV> getPartitionedState(MapStateDescriptor<UK, UV> descriptor);
    }

    /** The context of {@link #onMerge}. */
    public interface OnMergeContext extends TriggerContext {
        /**
         * Merges the state of the merged windows into the merged window's; the descriptor must be
         * of a list, reducing or aggregating state.
         */
        void mergePartitionedState(StateDescriptor<?> descriptor);
    }
}
