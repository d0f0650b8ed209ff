package io.spate.core.operators.windowing;

import io.spate.annotations.Internal;
import io.spate.api.common.state.AppendingState;
import io.spate.api.windowing.windows.Window;
import io.spate.core.state.InternalMergingState;
import java.util.Collection;
import java.util.Collections;

/**
 * One value per key and window — a reducing or aggregating state — that every element is folded
 * into as it arrives; the elements themselves are never kept.
 */
@Internal
final class IncrementalWindowContents<IN, W extends Window> implements WindowContents<IN, W> {
    private final AppendingState<IN, ?> state;
    private final InternalMergingState namespaced;

    /** {@code state} is a reducing or aggregating state handle. */
    <S extends AppendingState<IN, ?> & InternalMergingState> IncrementalWindowContents(S state) {
        this.state = state;
        this.namespaced = state;
    }

    @Override
    public void setStateWindow(W stateWindow) {
        namespaced.setCurrentNamespace(stateWindow);
    }

    @Override
    public void add(IN element, long timestamp) throws Exception {
        state.add(element);
    }

    @Override
    public Iterable<Object> beginEvaluation(W window) throws Exception {
        Object result = state.get();
        return result == null ? null : Collections.singletonList(result);
    }

    @Override
    public void clear() {
        state.clear();
    }

    @Override
    public void merge(W target, Collection<W> sources) throws Exception {
        namespaced.mergeNamespaces(target, sources);
    }
}
