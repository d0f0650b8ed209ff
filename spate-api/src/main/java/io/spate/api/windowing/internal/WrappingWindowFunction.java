package io.spate.api.windowing.internal;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Function;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.functions.RichFunction;
import io.spate.api.common.functions.RuntimeContext;
import io.spate.api.windowing.functions.ProcessWindowFunction;
import io.spate.api.windowing.windows.Window;
import java.util.Objects;

/**
 * A {@link ProcessWindowFunction} built around the user's function(s): passes the life cycle
 * ({@code setRuntimeContext}, {@code open}, {@code close}) on to those that are rich functions, so
 * that wrapping changes nothing for them.
 */
@Internal
public abstract class WrappingWindowFunction<IN, OUT, KEY, W extends Window>
        extends ProcessWindowFunction<IN, OUT, KEY, W> {
    private static final long serialVersionUID = 1L;

    private final Function[] wrapped;

    protected WrappingWindowFunction(Function... wrapped) {
        for (Function f : wrapped) {
            Objects.requireNonNull(f, "function");
        }
        this.wrapped = wrapped.clone();
    }

    @Override
    public void setRuntimeContext(RuntimeContext context) {
        super.setRuntimeContext(context);
        for (Function f : wrapped) {
            if (f instanceof RichFunction) {
                ((RichFunction) f).setRuntimeContext(context);
            }
        }
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        for (Function f : wrapped) {
            if (f instanceof RichFunction) {
                ((RichFunction) f).open(openContext);
            }
        }
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (Function f : wrapped) {
            if (f instanceof RichFunction) {
                try {
                    ((RichFunction) f).close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * A context of {@code target} that answers with {@code source}: how a wrapper hands its own
     * context to the function it wraps. Made per firing.
     */
    protected static <I, O, K, V extends Window> ProcessWindowFunction<I, O, K, V>.Context delegate(
            ProcessWindowFunction<I, O, K, V> target,
            ProcessWindowFunction<?, ?, K, V>.Context source) {
        return target.new Context() {
            @Override
            public V window() {
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
            public io.spate.api.common.state.KeyedStateStore windowState() {
                return source.windowState();
            }

            @Override
            public io.spate.api.common.state.KeyedStateStore globalState() {
                return source.globalState();
            }

            @Override
            public <X> void output(io.spate.api.datastream.OutputTag<X> outputTag, X value) {
                source.output(outputTag, value);
            }
        };
    }
}
