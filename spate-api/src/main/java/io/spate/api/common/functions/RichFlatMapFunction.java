package io.spate.api.common.functions;

import io.spate.annotations.Public;

/** A {@link FlatMapFunction} with {@code open}, {@code close} and a runtime context. */
@Public
public abstract class RichFlatMapFunction<T, O> extends AbstractRichFunction
        implements FlatMapFunction<T, O> {
    private static final long serialVersionUID = 1L;
}
