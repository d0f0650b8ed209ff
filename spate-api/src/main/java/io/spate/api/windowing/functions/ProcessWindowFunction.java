package io.spate.api.windowing.functions;

import io.spate.annotations.Public;
import io.spate.api.common.functions.AbstractRichFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.state.KeyedStateStore;
import io.spate.api.datastream.OutputTag;
import io.spate.api.windowing.windows.Window;

/**
 * Evaluates a window of a keyed stream: called with all of the window's elements (or, after an
 * incremental {@code reduce} or {@code aggregate}, with its single result) each time the window
 * fires.
 *
 * <p>The window operator calls {@link #process} and {@link #clear} on the subtask's thread, one
 * call at a time, between {@code open} and {@code close}. Emitted elements carry the window's
 * {@code maxTimestamp()} as their timestamp.
 *
 * @param <IN> the type of the window's elements (or of the incremental result)
 * @param <OUT> the type of what it emits
 * @param <KEY> the key type
 * @param <W> the window type
 */
@Public
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window>
        extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /**
     * Evaluates a window that fired.
     *
     * @param key the key of the window
     * @param context the window, time and state
     * @param elements the window's elements; valid only during this call
     * @param out where results go
     */
    public abstract void process(
            KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /**
     * Called when the window ends (after its last firing, at its end plus the allowed lateness).
     * The operator clears the window's {@link Context#windowState()} itself afterwards; override
     * this to release anything else.
     */
    public void clear(Context context) throws Exception {}

    /** What {@link #process} and {@link #clear} know; valid only during that call. */
    public abstract class Context {
        /** The window being evaluated. */
        public abstract W window();

        /** The subtask's current processing time. */
        public abstract long currentProcessingTime();

        /** The operator's current watermark. */
        public abstract long currentWatermark();

        /**
         * State of the current key scoped to this window: it lives from the window's first firing
         * to its cleanup. Not available with merging (session) windows.
         */
        public abstract KeyedStateStore windowState();

        /** State of the current key shared by all its windows. */
        public abstract KeyedStateStore globalState();

        /** Emits to a side output, with the window's {@code maxTimestamp()} as timestamp. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
