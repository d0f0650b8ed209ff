package io.spate.core.operators.windowing;

import io.spate.annotations.Internal;
import io.spate.api.windowing.windows.Window;
import io.spate.core.state.InternalListState;
import java.util.Collection;

/** Every element of a window, in arrival order, for window functions that need them all. */
@Internal
final class BufferedWindowContents<IN, W extends Window> implements WindowContents<IN, W> {
    private final InternalListState<IN> elements;

    BufferedWindowContents(InternalListState<IN> elements) {
        this.elements = elements;
    }

    @Override
    public void setStateWindow(W stateWindow) {
        elements.setCurrentNamespace(stateWindow);
    }

    @Override
    public void add(IN element, long timestamp) throws Exception {
        elements.add(element);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterable<Object> beginEvaluation(W window) throws Exception {
        Iterable<IN> all = elements.get();
        return all.iterator().hasNext() ? (Iterable<Object>) all : null;
    }

    @Override
    public void clear() {
        elements.clear();
    }

    @Override
    public void merge(W target, Collection<W> sources) throws Exception {
        elements.mergeNamespaces(target, sources);
    }
}
