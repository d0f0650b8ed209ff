package io.spate.api.windowing.internal;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.CoGroupFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.datastream.CoGroupedStreams.TaggedUnion;
import io.spate.api.windowing.windows.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a window of the tagged union of two streams: splits its elements by side and calls the
 * co-group function once per key and window.
 */
@Internal
public final class CoGroupWindowFunction<T1, T2, OUT, KEY, W extends Window>
        extends WrappingWindowFunction<TaggedUnion<T1, T2>, OUT, KEY, W> {
    private static final long serialVersionUID = 1L;

    private final CoGroupFunction<T1, T2, OUT> function;

    public CoGroupWindowFunction(CoGroupFunction<T1, T2, OUT> function) {
        super(function);
        this.function = function;
    }

    @Override
    public void process(
            KEY key, Context context, Iterable<TaggedUnion<T1, T2>> elements, Collector<OUT> out)
            throws Exception {
        List<T1> first = new ArrayList<>();
        List<T2> second = new ArrayList<>();
        for (TaggedUnion<T1, T2> e : elements) {
            if (e.isOne()) {
                first.add(e.getOne());
            } else {
                second.add(e.getTwo());
            }
        }
        function.coGroup(first, second, out);
    }
}
