package io.spate.api.windowing.internal;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.ReduceFunction;
import io.spate.api.windowing.functions.ProcessWindowFunction;
import io.spate.api.windowing.windows.Window;
import java.util.Collections;

/**
 * Reduces a window's elements when it fires, then hands the result to a window function. For
 * windows with an evictor, whose elements must be kept.
 */
@Internal
public final class ReduceApplyWindowFunction<T, R, KEY, W extends Window>
        extends WrappingWindowFunction<T, R, KEY, W> {
    private static final long serialVersionUID = 1L;

    private final ReduceFunction<T> reducer;
    private final ProcessWindowFunction<T, R, KEY, W> function;

    public ReduceApplyWindowFunction(
            ReduceFunction<T> reducer, ProcessWindowFunction<T, R, KEY, W> function) {
        super(reducer, function);
        this.reducer = reducer;
        this.function = function;
    }

    @Override
    public void process(KEY key, Context context, Iterable<T> elements, Collector<R> out)
            throws Exception {
        T result = null;
        for (T e : elements) {
            result = result == null ? e : reducer.reduce(result, e);
        }
        if (result != null) {
            function.process(
                    key, delegate(function, context), Collections.singletonList(result), out);
        }
    }

    @Override
    public void clear(Context context) throws Exception {
        function.clear(delegate(function, context));
    }
}
