package io.spate.api.functions.co;

import io.spate.annotations.Public;
import io.spate.api.common.functions.AbstractRichFunction;

/** A {@link CoMapFunction} with {@code open}, {@code close} and a runtime context. */
@Public
public abstract class RichCoMapFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements CoMapFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
}
