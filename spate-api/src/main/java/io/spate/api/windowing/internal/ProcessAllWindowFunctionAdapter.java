package io.spate.api.windowing.internal;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.state.KeyedStateStore;
import io.spate.api.datastream.OutputTag;
import io.spate.api.windowing.functions.ProcessAllWindowFunction;
import io.spate.api.windowing.windows.Window;

/**
 * Runs a {@link ProcessAllWindowFunction} as the window function of a stream keyed by the constant
 * key that {@code windowAll} uses.
 */
@Internal
public final class ProcessAllWindowFunctionAdapter<IN, OUT, W extends Window>
        extends WrappingWindowFunction<IN, OUT, Byte, W> {
    private static final long serialVersionUID = 1L;

    private final ProcessAllWindowFunction<IN, OUT, W> function;

    public ProcessAllWindowFunctionAdapter(ProcessAllWindowFunction<IN, OUT, W> function) {
        super(function);
        this.function = function;
    }

    @Override
    public void process(Byte key, Context context, Iterable<IN> elements, Collector<OUT> out)
            throws Exception {
        function.process(allContext(context), elements, out);
    }

    @Override
    public void clear(Context context) throws Exception {
        function.clear(allContext(context));
    }

    private ProcessAllWindowFunction<IN, OUT, W>.Context allContext(Context source) {
        return function.new Context() {
            @Override
            public W window() {
                return source.window();
            }

            @Override
            public long currentProcessingTime() {
                return source.currentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return source.currentWatermark();
            }

            @Override
            public KeyedStateStore windowState() {
                return source.windowState();
            }

            @Override
            public KeyedStateStore globalState() {
                return source.globalState();
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                source.output(outputTag, value);
            }
        };
    }
}
