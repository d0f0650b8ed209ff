package io.spate.api.windowing.functions;

import io.spate.annotations.Public;
import io.spate.api.common.functions.AbstractRichFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.state.KeyedStateStore;
import io.spate.api.datastream.OutputTag;
import io.spate.api.windowing.windows.Window;

/**
 * Evaluates a window of a non-keyed stream ({@code windowAll}): like {@link ProcessWindowFunction}
 * without a key. Runs in a single subtask.
 *
 * @param <IN> the type of the window's elements (or of the incremental result)
 * @param <OUT> the type of what it emits
 * @param <W> the window type
 */
@Public
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window>
        extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** Evaluates a window that fired; {@code elements} is valid only during this call. */
    public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out)
            throws Exception;

    /** Called when the window ends; see {@link ProcessWindowFunction#clear}. */
    public void clear(Context context) throws Exception {}

    /** What {@link #process} and {@link #clear} know; valid only during that call. */
    public abstract class Context {
        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        /** State scoped to this window; not available with merging (session) windows. */
        public abstract KeyedStateStore windowState();

        /** State shared by all windows. */
        public abstract KeyedStateStore globalState();

        /** Emits to a side output, with the window's {@code maxTimestamp()} as timestamp. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
