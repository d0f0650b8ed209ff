package io.spate.api.common.state;

import io.spate.annotations.Public;

/**
 * A value per key that each added value is folded into with an {@code AggregateFunction}; {@link
 * #get()} returns the function's result for the accumulator.
 */
@Public
public interface AggregatingState<IN, OUT> extends AppendingState<IN, OUT> {}
