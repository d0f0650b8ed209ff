package io.spate.core.operators.windowing;

import io.spate.annotations.NotThreadSafe;
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
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.Window;
import io.spate.core.state.KeyedStateBackend;
import io.spate.core.timers.InternalTimerService;
import java.util.Collection;
import java.util.List;

/**
 * What a {@link Trigger} sees: timers and partitioned state of the current key and of {@link
 * #window}, which the operator sets before each call. Remembers the states the trigger used, so
 * that the operator can clear them all when the window ends.
 */
@NotThreadSafe
final class WindowTriggerContext<K, W extends Window> implements Trigger.OnMergeContext {
    private final InternalTimerService<K, W> timers;
    private final WindowScopedStates states;

    /** The window the trigger is called for. */
    W window;

    /** During {@code onMerge}: the windows merged into {@link #window}. */
    Collection<W> mergedWindows = List.of();

    WindowTriggerContext(InternalTimerService<K, W> timers, KeyedStateBackend<K> backend) {
        this.timers = timers;
        this.states = new WindowScopedStates(backend);
    }

    /** Removes this trigger's state of {@code w} for the current key. */
    void clearState(W w) {
        states.clear(w);
    }

    @Override
    public long getCurrentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public long getCurrentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.registerProcessingTimeTimer(window, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.registerEventTimeTimer(window, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteProcessingTimeTimer(window, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.deleteEventTimeTimer(window, time);
    }

    @Override
    public <S> ValueState<S> getPartitionedState(ValueStateDescriptor<S> descriptor) {
        return states.value(descriptor, window);
    }

    @Override
    public <S> ListState<S> getPartitionedState(ListStateDescriptor<S> descriptor) {
        return states.list(descriptor, window);
    }

    @Override
    public <S> ReducingState<S> getPartitionedState(ReducingStateDescriptor<S> descriptor) {
        return states.reducing(descriptor, window);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getPartitionedState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return states.aggregating(descriptor, window);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getPartitionedState(MapStateDescriptor<UK, UV> descriptor) {
        return states.map(descriptor, window);
    }

    @Override
    public void mergePartitionedState(StateDescriptor<?> descriptor) {
        try {
            states.merge(descriptor, window, mergedWindows);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Merging trigger state '" + descriptor.getName() + "' failed", e);
        }
    }
}
