package io.spate.api.windowing.assigners;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.Window;
import java.io.Serializable;
import java.util.Collection;

/**
 * Puts each element into zero or more windows. The window operator calls {@link #assignWindows}
 * once per element, on the subtask's thread; the windows returned are values, so an element that
 * falls into a window another element already opened lands in the same window.
 *
 * <p>The assigner also says which time it works in ({@link #isEventTime()}: the element's timestamp
 * and the watermark, or the subtask's clock) and which trigger fires its windows unless the user
 * sets another.
 *
 * @param <T> the type of the elements assigned
 * @param <W> the type of the windows
 */
@Public
public abstract class WindowAssigner<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The windows {@code element} belongs to.
     *
     * @param timestamp the element's timestamp ({@code Long.MIN_VALUE} when it has none)
     * @param context gives the processing time, for processing-time assigners
     */
    public abstract Collection<W> assignWindows(
            T element, long timestamp, WindowAssignerContext context);

    /** The trigger used unless the user sets one with {@code trigger(...)}. */
    public abstract Trigger<T, W> getDefaultTrigger();

    /**
     * Whether windows are in event time: then elements later than their windows' end plus the
     * allowed lateness are late, and cleanup follows the watermark. Otherwise the clock decides.
     */
    public abstract boolean isEventTime();

    /**
     * The type of the windows, for the state that holds them (in checkpoints too). Windows are
     * records, so Spate serializes them without help.
     */
    public abstract TypeInfo<W> getWindowType();

    /** What an assigner may ask while it assigns. */
    public interface WindowAssignerContext {
        /** The subtask's current processing time, in milliseconds since the epoch. */
        long getCurrentProcessingTime();
    }
}
