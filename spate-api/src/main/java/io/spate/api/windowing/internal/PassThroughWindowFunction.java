package io.spate.api.windowing.internal;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Collector;
import io.spate.api.windowing.functions.ProcessWindowFunction;
import io.spate.api.windowing.windows.Window;

/** Emits the window's result (of a plain {@code reduce} or {@code aggregate}) as it is. */
@Internal
public final class PassThroughWindowFunction<T, KEY, W extends Window>
        extends ProcessWindowFunction<T, T, KEY, W> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(KEY key, Context context, Iterable<T> elements, Collector<T> out) {
        for (T e : elements) {
            out.collect(e);
        }
    }
}
