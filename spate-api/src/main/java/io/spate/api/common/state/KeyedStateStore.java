package io.spate.api.common.state;

import io.spate.annotations.Public;

/**
 * Where a function gets keyed state handles by descriptor. The handles are scoped to the current
 * key (and, for a window's own state, to the current window). Used by the subtask's thread only.
 */
@Public
public interface KeyedStateStore {

    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor);

    <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor);
}
