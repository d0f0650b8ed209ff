package io.spate.api.windowing.assigners;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.windowing.triggers.ProcessingTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Fixed-size windows of processing time that start every {@code slide}; an element falls into every
 * window that contains the subtask's clock when it arrives.
 */
@Public
public final class SlidingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long slide;
    private final long offset;

    private SlidingProcessingTimeWindows(long size, long slide, long offset) {
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
        return of(size, slide, Duration.ZERO);
    }

    /** Windows aligned to {@code offset}; {@code |offset| < slide}. */
    public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
        long s = Intervals.positiveMillis(size, "The window size");
        long sl = Intervals.positiveMillis(slide, "The window slide");
        return new SlidingProcessingTimeWindows(s, sl, Intervals.offsetMillis(offset, sl, "slide"));
    }

    @Override
    public Collection<TimeWindow> assignWindows(
            Object element, long timestamp, WindowAssignerContext context) {
        return Intervals.sliding(context.getCurrentProcessingTime(), size, slide, offset);
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

    public long getSlide() {
        return slide;
    }

    public long getOffset() {
        return offset;
    }

    @Override
    public String toString() {
        return "SlidingProcessingTimeWindows(" + size + ", " + slide + ")";
    }
}
