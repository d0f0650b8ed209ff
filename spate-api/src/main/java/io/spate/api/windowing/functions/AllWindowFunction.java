package io.spate.api.windowing.functions;

import io.spate.annotations.Public;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.Function;
import io.spate.api.windowing.windows.Window;

/**
 * The simple form of {@link ProcessAllWindowFunction}: the window and its elements.
 *
 * @param <IN> the type of the window's elements (or of the incremental result)
 * @param <OUT> the type of what it emits
 * @param <W> the window type
 */
@Public
@FunctionalInterface
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function {
    void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
