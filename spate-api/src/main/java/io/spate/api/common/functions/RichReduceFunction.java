package io.spate.api.common.functions;

import io.spate.annotations.Public;

/** A {@link ReduceFunction} with {@code open}, {@code close} and a runtime context. */
@Public
public abstract class RichReduceFunction<T> extends AbstractRichFunction
        implements ReduceFunction<T> {
    private static final long serialVersionUID = 1L;
}
