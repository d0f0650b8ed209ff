package io.spate.api.common.functions;

import io.spate.annotations.Public;

/** A {@link MapFunction} with {@code open}, {@code close} and a runtime context. */
@Public
public abstract class RichMapFunction<T, O> extends AbstractRichFunction
        implements MapFunction<T, O> {
    private static final long serialVersionUID = 1L;
}
