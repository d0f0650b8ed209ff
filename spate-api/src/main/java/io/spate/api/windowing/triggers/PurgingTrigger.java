package io.spate.api.windowing.triggers;

import io.spate.annotations.Public;
import io.spate.api.windowing.windows.Window;
import java.util.Objects;

/**
 * Makes another trigger purge whenever it fires: {@link TriggerResult#FIRE} becomes {@link
 * TriggerResult#FIRE_AND_PURGE}.
 *
 * @param <T> the type of the elements
 * @param <W> the type of the windows
 */
@Public
public final class PurgingTrigger<T, W extends Window> extends Trigger<T, W> {
    private static final long serialVersionUID = 1L;

    private final Trigger<T, W> nested;

    private PurgingTrigger(Trigger<T, W> nested) {
        this.nested = Objects.requireNonNull(nested, "nested trigger");
    }

    public static <T, W extends Window> PurgingTrigger<T, W> of(Trigger<T, W> nestedTrigger) {
        return new PurgingTrigger<>(nestedTrigger);
    }

    private static TriggerResult purging(TriggerResult r) {
        return r.isFire() ? TriggerResult.FIRE_AND_PURGE : r;
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx)
            throws Exception {
        return purging(nested.onElement(element, timestamp, window, ctx));
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        return purging(nested.onEventTime(time, window, ctx));
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx)
            throws Exception {
        return purging(nested.onProcessingTime(time, window, ctx));
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        nested.clear(window, ctx);
    }

    @Override
    public boolean canMerge() {
        return nested.canMerge();
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        nested.onMerge(window, ctx);
    }

    public Trigger<T, W> getNestedTrigger() {
        return nested;
    }

    @Override
    public String toString() {
        return "PurgingTrigger(" + nested + ")";
    }
}
