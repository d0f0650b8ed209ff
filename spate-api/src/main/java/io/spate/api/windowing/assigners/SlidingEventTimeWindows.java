package io.spate.api.windowing.assigners;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.windowing.triggers.EventTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Fixed-size event-time windows that start every {@code slide}: {@code [start, start + size)} with
 * {@code start ≡ offset (mod slide)}. With a size of 10 s and a slide of 2 s an element falls into
 * five windows.
 */
@Public
public final class SlidingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long slide;
    private final long offset;

    private SlidingEventTimeWindows(long size, long slide, long offset) {
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide) {
        return of(size, slide, Duration.ZERO);
    }

    /** Windows aligned to {@code offset}; {@code |offset| < slide}. */
    public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
        long s = Intervals.positiveMillis(size, "The window size");
        long sl = Intervals.positiveMillis(slide, "The window slide");
        return new SlidingEventTimeWindows(s, sl, Intervals.offsetMillis(offset, sl, "slide"));
    }

    @Override
    public Collection<TimeWindow> assignWindows(
            Object element, long timestamp, WindowAssignerContext context) {
        return Intervals.sliding(Intervals.requireTimestamp(timestamp, this), size, slide, offset);
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

    public long getSlide() {
        return slide;
    }

    public long getOffset() {
        return offset;
    }

    @Override
    public String toString() {
        return "SlidingEventTimeWindows(" + size + ", " + slide + ")";
    }
}
