package io.spate.core.operators.windowing;

import io.spate.annotations.NotThreadSafe;
import io.spate.api.common.state.AggregatingStateDescriptor;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.state.State;
import io.spate.api.common.state.StateDescriptor;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.core.state.InternalAggregatingState;
import io.spate.core.state.InternalKvState;
import io.spate.core.state.InternalListState;
import io.spate.core.state.InternalMapState;
import io.spate.core.state.InternalMergingState;
import io.spate.core.state.InternalReducingState;
import io.spate.core.state.InternalValueState;
import io.spate.core.state.KeyedStateBackend;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The state handles that one party (a trigger, or window functions) obtained per window, one per
 * state name, so that the operator can merge and clear that party's state of a window without
 * knowing which states it used. Each access scopes the handle to the namespace it is given.
 */
@NotThreadSafe
final class WindowScopedStates {
    private final KeyedStateBackend<?> backend;
    private final Map<String, InternalKvState> handles = new HashMap<>();

    WindowScopedStates(KeyedStateBackend<?> backend) {
        this.backend = backend;
    }

    @SuppressWarnings("unchecked")
    <T> InternalValueState<T> value(ValueStateDescriptor<T> descriptor, Object namespace) {
        InternalKvState h = handles.get(descriptor.getName());
        if (!(h instanceof InternalValueState)) {
            h = remember(descriptor, backend.getValueState(descriptor));
        }
        h.setCurrentNamespace(namespace);
        return (InternalValueState<T>) h;
    }

    @SuppressWarnings("unchecked")
    <T> InternalListState<T> list(ListStateDescriptor<T> descriptor, Object namespace) {
        InternalKvState h = handles.get(descriptor.getName());
        if (!(h instanceof InternalListState)) {
            h = remember(descriptor, backend.getListState(descriptor));
        }
        h.setCurrentNamespace(namespace);
        return (InternalListState<T>) h;
    }

    @SuppressWarnings("unchecked")
    <T> InternalReducingState<T> reducing(ReducingStateDescriptor<T> descriptor, Object namespace) {
        InternalKvState h = handles.get(descriptor.getName());
        if (!(h instanceof InternalReducingState)) {
            h = remember(descriptor, backend.getReducingState(descriptor));
        }
        h.setCurrentNamespace(namespace);
        return (InternalReducingState<T>) h;
    }

    @SuppressWarnings("unchecked")
    <IN, ACC, OUT> InternalAggregatingState<IN, ACC, OUT> aggregating(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor, Object namespace) {
        InternalKvState h = handles.get(descriptor.getName());
        if (!(h instanceof InternalAggregatingState)) {
            h = remember(descriptor, backend.getAggregatingState(descriptor));
        }
        h.setCurrentNamespace(namespace);
        return (InternalAggregatingState<IN, ACC, OUT>) h;
    }

    @SuppressWarnings("unchecked")
    <UK, UV> InternalMapState<UK, UV> map(MapStateDescriptor<UK, UV> descriptor, Object namespace) {
        InternalKvState h = handles.get(descriptor.getName());
        if (!(h instanceof InternalMapState)) {
            h = remember(descriptor, backend.getMapState(descriptor));
        }
        h.setCurrentNamespace(namespace);
        return (InternalMapState<UK, UV>) h;
    }

    /** Merges the current key's values of {@code descriptor}'s state in sources into target. */
    void merge(StateDescriptor<?> descriptor, Object target, Collection<?> sources)
            throws Exception {
        InternalMergingState state;
        if (descriptor instanceof ReducingStateDescriptor) {
            state = reducing((ReducingStateDescriptor<?>) descriptor, target);
        } else if (descriptor instanceof AggregatingStateDescriptor) {
            state = aggregating((AggregatingStateDescriptor<?, ?, ?>) descriptor, target);
        } else if (descriptor instanceof ListStateDescriptor) {
            state = list((ListStateDescriptor<?>) descriptor, target);
        } else {
            throw new IllegalArgumentException(
                    "State '"
                            + descriptor.getName()
                            + "' cannot be merged: only list, reducing and aggregating states"
                            + " merge ("
                            + descriptor.getClass().getSimpleName()
                            + " given)");
        }
        if (!sources.isEmpty()) {
            state.mergeNamespaces(target, sources);
        }
    }

    /** Removes the current key's value of every state used here, in {@code namespace}. */
    void clear(Object namespace) {
        for (InternalKvState h : handles.values()) {
            h.setCurrentNamespace(namespace);
            ((State) h).clear();
        }
    }

    private InternalKvState remember(StateDescriptor<?> descriptor, InternalKvState handle) {
        handles.put(descriptor.getName(), handle);
        return handle;
    }
}
