package io.spate.api.common.functions;

import io.spate.annotations.Public;

/** A {@link FilterFunction} with {@code open}, {@code close} and a runtime context. */
@Public
public abstract class RichFilterFunction<T> extends AbstractRichFunction
        implements FilterFunction<T> {
    private static final long serialVersionUID = 1L;
}
