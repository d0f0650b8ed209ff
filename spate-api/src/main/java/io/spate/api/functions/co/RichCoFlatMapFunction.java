package io.spate.api.functions.co;

import io.spate.annotations.Public;
import io.spate.api.common.functions.AbstractRichFunction;

/** A {@link CoFlatMapFunction} with {@code open}, {@code close} and a runtime context. */
@Public
public abstract class RichCoFlatMapFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements CoFlatMapFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
}
