package io.spate.api.windowing.internal;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.MapFunction;
import io.spate.api.datastream.CoGroupedStreams.TaggedUnion;

/** Wraps the elements of one side of a co-group or join into the tagged union. */
@Internal
public final class UnionTagger<T1, T2, T> implements MapFunction<T, TaggedUnion<T1, T2>> {
    private static final long serialVersionUID = 1L;

    private final boolean first;

    private UnionTagger(boolean first) {
        this.first = first;
    }

    public static <T1, T2> UnionTagger<T1, T2, T1> first() {
        return new UnionTagger<>(true);
    }

    public static <T1, T2> UnionTagger<T1, T2, T2> second() {
        return new UnionTagger<>(false);
    }

    @Override
    @SuppressWarnings("unchecked")
    public TaggedUnion<T1, T2> map(T value) {
        return first ? TaggedUnion.one((T1) value) : TaggedUnion.two((T2) value);
    }
}
