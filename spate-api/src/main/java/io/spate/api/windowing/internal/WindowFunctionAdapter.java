package io.spate.api.windowing.internal;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Collector;
import io.spate.api.windowing.functions.WindowFunction;
import io.spate.api.windowing.windows.Window;

/** Runs a {@link WindowFunction} as a process window function. */
@Internal
public final class WindowFunctionAdapter<IN, OUT, KEY, W extends Window>
        extends WrappingWindowFunction<IN, OUT, KEY, W> {
    private static final long serialVersionUID = 1L;

    private final WindowFunction<IN, OUT, KEY, W> function;

    public WindowFunctionAdapter(WindowFunction<IN, OUT, KEY, W> function) {
        super(function);
        this.function = function;
    }

    @Override
    public void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out)
            throws Exception {
        function.apply(key, context.window(), elements, out);
    }
}
