package io.spate.api.windowing.assigners;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.windowing.triggers.ProcessingTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Fixed-size, non-overlapping windows of processing time: an element falls into the window that
 * contains the subtask's clock when it arrives; the window fires when the clock passes its end.
 */
@Public
public final class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long offset;

    private TumblingProcessingTimeWindows(long size, long offset) {
        this.size = size;
        this.offset = offset;
    }

    public static TumblingProcessingTimeWindows of(Duration size) {
        return new TumblingProcessingTimeWindows(
                Intervals.positiveMillis(size, "The window size"), 0);
    }

    /** Windows aligned to {@code offset} (a time zone, say); {@code |offset| < size}. */
    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        long s = Intervals.positiveMillis(size, "The window size");
        return new TumblingProcessingTimeWindows(s, Intervals.offsetMillis(offset, s, "size"));
    }

    @Override
    public Collection<TimeWindow> assignWindows(
            Object element, long timestamp, WindowAssignerContext context) {
        return Intervals.tumbling(context.getCurrentProcessingTime(), size, offset);
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return ProcessingTimeTrigger.create();
    }

    @Override
    public TypeInfo<TimeWindow> getWindowType() {
        return TypeInfo.of(TimeWindow.class);
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    public long getSize() {
        return size;
    }

    public long getOffset() {
        return offset;
    }

    @Override
    public String toString() {
        return "TumblingProcessingTimeWindows(" + size + ")";
    }
}
