package io.spate.core.state;

import io.spate.annotations.Internal;
import io.spate.api.common.state.ListState;

/** A {@link ListState} with a namespace; merging concatenates. */
@Internal
public interface InternalListState<T> extends ListState<T>, InternalMergingState {}
