package io.spate.api.graph;

import io.spate.annotations.Internal;
import io.spate.api.functions.co.CoMapFunction;

/** The two-input operator kinds of {@code connect}. */
@Internal
public final class CoOperatorSpecs {
    private CoOperatorSpecs() {}

    /** One element in from either input, one out. */
    public record CoMap(CoMapFunction<?, ?, ?> function) implements TwoInputOperatorSpec {}
}
