package io.spate.api.windowing.internal;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.CoGroupFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.JoinFunction;

/** An inner join as a co-group: every pair of the two sides, first side outermost. */
@Internal
public final class JoinCoGroupFunction<T1, T2, OUT>
        extends WrappingFunction<JoinFunction<T1, T2, OUT>>
        implements CoGroupFunction<T1, T2, OUT> {
    private static final long serialVersionUID = 1L;

    public JoinCoGroupFunction(JoinFunction<T1, T2, OUT> function) {
        super(function);
    }

    @Override
    public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<OUT> out)
            throws Exception {
        for (T1 a : first) {
            for (T2 b : second) {
                out.collect(wrapped.join(a, b));
            }
        }
    }
}
