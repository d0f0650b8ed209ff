package io.spate.api.windowing.triggers;

import io.spate.annotations.Public;
import io.spate.api.common.functions.ReduceFunction;
import io.spate.api.common.state.ReducingState;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires a window every {@code interval} of event time while it is open (at multiples of the
 * interval, and at the window's end), giving early results of a long window.
 *
 * @param <W> the type of the windows
 */
@Public
public final class ContinuousEventTimeTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long interval;
    private final ReducingStateDescriptor<Long> fireTimeDescriptor =
            new ReducingStateDescriptor<>("fire-time", new Min(), Types.LONG);

    private ContinuousEventTimeTrigger(long interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException("The interval must be positive, was " + interval);
        }
        this.interval = interval;
    }

    public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
        return new ContinuousEventTimeTrigger<>(interval.toMillis());
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx)
            throws Exception {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE; // late within the allowed lateness
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        if (fireTime.get() == null) {
            long start = timestamp - Math.floorMod(timestamp, interval);
            registerNext(start, window, ctx, fireTime);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        Long next = fireTime.get();
        if (next != null && next == time) {
            fireTime.clear();
            registerNext(time, window, ctx, fireTime);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        Long next = fireTime.get();
        if (next != null) {
            ctx.deleteEventTimeTimer(next);
            fireTime.clear();
        }
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        ctx.mergePartitionedState(fireTimeDescriptor);
        Long next = ctx.getPartitionedState(fireTimeDescriptor).get();
        if (next != null) {
            ctx.registerEventTimeTimer(next);
        }
    }

    private void registerNext(long time, W window, TriggerContext ctx, ReducingState<Long> state)
            throws Exception {
        long next = Math.min(time + interval, window.maxTimestamp());
        state.add(next);
        ctx.registerEventTimeTimer(next);
    }

    public long getInterval() {
        return interval;
    }

    @Override
    public String toString() {
        return "ContinuousEventTimeTrigger(" + interval + ")";
    }

    static final class Min implements ReduceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long reduce(Long a, Long b) {
            return Math.min(a, b);
        }
    }
}
