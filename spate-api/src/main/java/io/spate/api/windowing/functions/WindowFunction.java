package io.spate.api.windowing.functions;

import io.spate.annotations.Public;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.Function;
import io.spate.api.windowing.windows.Window;

/**
 * The simple form of {@link ProcessWindowFunction}: the key, the window and its elements, without
 * state or side outputs.
 *
 * @param <IN> the type of the window's elements (or of the incremental result)
 * @param <OUT> the type of what it emits
 * @param <KEY> the key type
 * @param <W> the window type
 */
@Public
@FunctionalInterface
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function {
    void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
