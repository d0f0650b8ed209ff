package io.spate.core.state;

import io.spate.annotations.Internal;
import io.spate.api.common.state.ReducingState;

/** A {@link ReducingState} with a namespace; merging reduces. */
@Internal
public interface InternalReducingState<T> extends ReducingState<T>, InternalFoldingState<T, T> {
    /**
     * Adds {@code value} and returns the new aggregate, in one access where the backend can: what
     * {@code add(value); return get();} does.
     */
    T addAndGet(T value) throws Exception;
}
