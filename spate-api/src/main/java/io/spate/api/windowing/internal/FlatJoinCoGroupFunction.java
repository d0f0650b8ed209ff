package io.spate.api.windowing.internal;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.CoGroupFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.FlatJoinFunction;

/** An inner join with a {@link FlatJoinFunction}, as a co-group. */
@Internal
public final class FlatJoinCoGroupFunction<T1, T2, OUT>
        extends WrappingFunction<FlatJoinFunction<T1, T2, OUT>>
        implements CoGroupFunction<T1, T2, OUT> {
    private static final long serialVersionUID = 1L;

    public FlatJoinCoGroupFunction(FlatJoinFunction<T1, T2, OUT> function) {
        super(function);
    }

    @Override
    public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<OUT> out)
            throws Exception {
        for (T1 a : first) {
            for (T2 b : second) {
                wrapped.join(a, b, out);
            }
        }
    }
}
