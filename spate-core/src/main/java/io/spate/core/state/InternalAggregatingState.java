package io.spate.core.state;

import io.spate.annotations.Internal;
import io.spate.api.common.state.AggregatingState;

/** An {@link AggregatingState} with a namespace; merging merges accumulators. */
@Internal
public interface InternalAggregatingState<IN, ACC, OUT>
        extends AggregatingState<IN, OUT>, InternalFoldingState<IN, OUT> {
    /** The accumulator of the current key and namespace, or {@code null}. */
    ACC getAccumulator();
}
