package io.spate.api.windowing.assigners;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.windowing.triggers.EventTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Fixed-size, non-overlapping event-time windows: each element falls into exactly one, {@code
 * [start, start + size)} with {@code start ≡ offset (mod size)}. With a size of one hour and an
 * offset of 15 minutes, windows run from :15 to :15.
 */
@Public
public final class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long offset;

    private TumblingEventTimeWindows(long size, long offset) {
        this.size = size;
        this.offset = offset;
    }

    public static TumblingEventTimeWindows of(Duration size) {
        return new TumblingEventTimeWindows(Intervals.positiveMillis(size, "The window size"), 0);
    }

    /** Windows aligned to {@code offset} rather than to the epoch; {@code |offset| < size}. */
    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        long s = Intervals.positiveMillis(size, "The window size");
        return new TumblingEventTimeWindows(s, Intervals.offsetMillis(offset, s, "size"));
    }

    @Override
    public Collection<TimeWindow> assignWindows(
            Object element, long timestamp, WindowAssignerContext context) {
        return Intervals.tumbling(Intervals.requireTimestamp(timestamp, this), size, offset);
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

    public long getSize() {
        return size;
    }

    public long getOffset() {
        return offset;
    }

    @Override
    public String toString() {
        return "TumblingEventTimeWindows(" + size + (offset == 0 ? "" : ", offset " + offset) + ")";
    }
}
