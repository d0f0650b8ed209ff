package io.spate.api.common.state;

import io.spate.annotations.Public;

/** A value per key that each added value is folded into with a {@code ReduceFunction}. */
@Public
public interface ReducingState<T> extends AppendingState<T, T> {}
