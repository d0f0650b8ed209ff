package io.spate.api.windowing.internal;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.windowing.functions.ProcessWindowFunction;
import io.spate.api.windowing.windows.Window;
import java.util.Collections;

/**
 * Aggregates a window's elements when it fires, then hands the result to a window function. For
 * windows with an evictor, whose elements must be kept.
 */
@Internal
public final class AggregateApplyWindowFunction<T, ACC, V, R, KEY, W extends Window>
        extends WrappingWindowFunction<T, R, KEY, W> {
    private static final long serialVersionUID = 1L;

    private final AggregateFunction<T, ACC, V> aggregate;
    private final ProcessWindowFunction<V, R, KEY, W> function;

    public AggregateApplyWindowFunction(
            AggregateFunction<T, ACC, V> aggregate, ProcessWindowFunction<V, R, KEY, W> function) {
        super(aggregate, function);
        this.aggregate = aggregate;
        this.function = function;
    }

    @Override
    public void process(KEY key, Context context, Iterable<T> elements, Collector<R> out)
            throws Exception {
        ACC acc = aggregate.createAccumulator();
        boolean any = false;
        for (T e : elements) {
            acc = aggregate.add(e, acc);
            any = true;
        }
        if (any) {
            function.process(
                    key,
                    delegate(function, context),
                    Collections.singletonList(aggregate.getResult(acc)),
                    out);
        }
    }

    @Override
    public void clear(Context context) throws Exception {
        function.clear(delegate(function, context));
    }
}
