package io.spate.api.windowing.assigners;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.windowing.triggers.EventTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Event-time sessions: each element opens the window {@code [timestamp, timestamp + gap)}, and
 * windows of a key that intersect (or touch) merge. A session therefore ends when no element
 * follows within {@code gap} of the latest one; it fires when the watermark passes its end.
 */
@Public
public final class EventTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final long gap;

    private EventTimeSessionWindows(long gap) {
        this.gap = gap;
    }

    public static EventTimeSessionWindows withGap(Duration gap) {
        return new EventTimeSessionWindows(Intervals.positiveMillis(gap, "The session gap"));
    }

    /** Sessions whose gap each element gives. */
    public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(
            SessionWindowTimeGapExtractor<T> extractor) {
        return new DynamicEventTimeSessionWindows<>(extractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(
            Object element, long timestamp, WindowAssignerContext context) {
        long ts = Intervals.requireTimestamp(timestamp, this);
        return List.of(new TimeWindow(ts, ts + gap));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public TypeInfo<TimeWindow> getWindowType() {
        return TypeInfo.of(TimeWindow.class);
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    public long getGap() {
        return gap;
    }

    @Override
    public String toString() {
        return "EventTimeSessionWindows(" + gap + ")";
    }
}
