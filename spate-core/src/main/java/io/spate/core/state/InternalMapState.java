package io.spate.core.state;

import io.spate.annotations.Internal;
import io.spate.api.common.state.MapState;

/** A {@link MapState} with a namespace. */
@Internal
public interface InternalMapState<UK, UV> extends MapState<UK, UV>, InternalKvState {}
