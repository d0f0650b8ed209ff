package io.spate.api.windowing.assigners;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.windowing.triggers.ProcessingTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Processing-time sessions whose gap each element gives. Made by {@link
 * ProcessingTimeSessionWindows#withDynamicGap}.
 *
 * @param <T> the element type
 */
@Public
public final class DynamicProcessingTimeSessionWindows<T>
        extends MergingWindowAssigner<T, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final SessionWindowTimeGapExtractor<T> extractor;

    DynamicProcessingTimeSessionWindows(SessionWindowTimeGapExtractor<T> extractor) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
    }

    @Override
    public Collection<TimeWindow> assignWindows(
            T element, long timestamp, WindowAssignerContext context) {
        long now = context.getCurrentProcessingTime();
        return List.of(new TimeWindow(now, now + DynamicGaps.gapOf(extractor, element)));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Trigger<T, TimeWindow> getDefaultTrigger() {
        return (Trigger<T, TimeWindow>)
                (Trigger<?, TimeWindow>) ProcessingTimeTrigger.<TimeWindow>create();
    }

    @Override
    public TypeInfo<TimeWindow> getWindowType() {
        return TypeInfo.of(TimeWindow.class);
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "DynamicProcessingTimeSessionWindows()";
    }
}
