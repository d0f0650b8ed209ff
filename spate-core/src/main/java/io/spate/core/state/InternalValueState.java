package io.spate.core.state;

import io.spate.annotations.Internal;
import io.spate.api.common.state.ValueState;

/** A {@link ValueState} with a namespace. */
@Internal
public interface InternalValueState<T> extends ValueState<T>, InternalKvState {}
