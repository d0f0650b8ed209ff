package io.spate.api.windowing.internal;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.KeySelector;
import io.spate.api.datastream.CoGroupedStreams.TaggedUnion;

/** The key of a tagged union element: the key its own side's selector gives. */
@Internal
public final class UnionKeySelector<T1, T2, KEY> implements KeySelector<TaggedUnion<T1, T2>, KEY> {
    private static final long serialVersionUID = 1L;

    private final KeySelector<T1, KEY> first;
    private final KeySelector<T2, KEY> second;

    public UnionKeySelector(KeySelector<T1, KEY> first, KeySelector<T2, KEY> second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public KEY getKey(TaggedUnion<T1, T2> value) throws Exception {
        return value.isOne() ? first.getKey(value.getOne()) : second.getKey(value.getTwo());
    }
}
