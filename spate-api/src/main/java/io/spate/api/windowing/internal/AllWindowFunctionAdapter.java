package io.spate.api.windowing.internal;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Collector;
import io.spate.api.windowing.functions.AllWindowFunction;
import io.spate.api.windowing.windows.Window;

/** Runs an {@link AllWindowFunction} as the window function of a {@code windowAll} stream. */
@Internal
public final class AllWindowFunctionAdapter<IN, OUT, W extends Window>
        extends WrappingWindowFunction<IN, OUT, Byte, W> {
    private static final long serialVersionUID = 1L;

    private final AllWindowFunction<IN, OUT, W> function;

    public AllWindowFunctionAdapter(AllWindowFunction<IN, OUT, W> function) {
        super(function);
        this.function = function;
    }

    @Override
    public void process(Byte key, Context context, Iterable<IN> elements, Collector<OUT> out)
            throws Exception {
        function.apply(context.window(), elements, out);
    }
}
