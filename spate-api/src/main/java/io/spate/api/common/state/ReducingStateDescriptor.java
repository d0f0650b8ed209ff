package io.spate.api.common.state;

import io.spate.annotations.Public;
import io.spate.api.common.functions.ReduceFunction;
import io.spate.api.common.typeinfo.TypeInfo;
import java.util.Objects;

/** Describes a {@link ReducingState}. */
@Public
public class ReducingStateDescriptor<T> extends StateDescriptor<T> {
    private static final long serialVersionUID = 1L;

    private final ReduceFunction<T> reduceFunction;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> type) {
        this(name, reduceFunction, TypeInfo.of(type));
    }

    public ReducingStateDescriptor(
            String name, ReduceFunction<T> reduceFunction, TypeInfo<T> type) {
        super(name, type);
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduceFunction");
    }

    public ReduceFunction<T> getReduceFunction() {
        return reduceFunction;
    }
}
