package io.spate.api.windowing.triggers;

import io.spate.annotations.Public;
import io.spate.api.common.state.ReducingState;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires a window every {@code interval} of processing time while it holds elements (at multiples of
 * the interval, and at the window's end).
 *
 * @param <W> the type of the windows
 */
@Public
public final class ContinuousProcessingTimeTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long interval;
    private final ReducingStateDescriptor<Long> fireTimeDescriptor =
            new ReducingStateDescriptor<>(
                    "fire-time", new ContinuousEventTimeTrigger.Min(), Types.LONG);

    private ContinuousProcessingTimeTrigger(long interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException("The interval must be positive, was " + interval);
        }
        this.interval = interval;
    }

    public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Duration interval) {
        return new ContinuousProcessingTimeTrigger<>(interval.toMillis());
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx)
            throws Exception {
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        if (fireTime.get() == null) {
            long now = ctx.getCurrentProcessingTime();
            registerNext(now - Math.floorMod(now, interval), window, ctx, fireTime);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx)
            throws Exception {
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        Long next = fireTime.get();
        if (next != null && next == time) {
            fireTime.clear();
            if (time < window.maxTimestamp()) {
                // At the window's end there is nothing more to fire; re-registering the same time
                // would fire again at once, forever, when the window lies in the clock's past.
                registerNext(time, window, ctx, fireTime);
            }
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        Long next = fireTime.get();
        if (next != null) {
            ctx.deleteProcessingTimeTimer(next);
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
            ctx.registerProcessingTimeTimer(next);
        }
    }

    private void registerNext(long time, W window, TriggerContext ctx, ReducingState<Long> state)
            throws Exception {
        long next = Math.min(time + interval, window.maxTimestamp());
        state.add(next);
        ctx.registerProcessingTimeTimer(next);
    }

    public long getInterval() {
        return interval;
    }

    @Override
    public String toString() {
        return "ContinuousProcessingTimeTrigger(" + interval + ")";
    }
}
