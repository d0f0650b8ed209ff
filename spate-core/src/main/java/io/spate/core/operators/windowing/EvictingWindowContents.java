package io.spate.core.operators.windowing;

import io.spate.annotations.Internal;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.evictors.TimestampedValue;
import io.spate.api.windowing.windows.Window;
import io.spate.core.state.InternalListState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;

/**
 * Every element of a window with its timestamp, for an {@link Evictor}: at each evaluation the
 * evictor may remove elements before the window function runs and after it; what remains is written
 * back.
 */
@Internal
final class EvictingWindowContents<IN, W extends Window> implements WindowContents<IN, W> {
    private final InternalListState<TimestampedValue<IN>> elements;
    private final Evictor<IN, W> evictor;
    private final Evictor.EvictorContext context;
    private ArrayList<TimestampedValue<IN>> evaluated;

    EvictingWindowContents(
            InternalListState<TimestampedValue<IN>> elements,
            Evictor<IN, W> evictor,
            Evictor.EvictorContext context) {
        this.elements = elements;
        this.evictor = evictor;
        this.context = context;
    }

    @Override
    public void setStateWindow(W stateWindow) {
        elements.setCurrentNamespace(stateWindow);
    }

    @Override
    public void add(IN element, long timestamp) throws Exception {
        elements.add(new TimestampedValue<>(element, timestamp));
    }

    @Override
    public Iterable<Object> beginEvaluation(W window) throws Exception {
        ArrayList<TimestampedValue<IN>> copy = new ArrayList<>();
        for (TimestampedValue<IN> e : elements.get()) {
            copy.add(e);
        }
        if (copy.isEmpty()) {
            return null;
        }
        evictor.evictBefore(copy, copy.size(), window, context);
        evaluated = copy;
        if (copy.isEmpty()) {
            elements.clear();
            evaluated = null;
            return null;
        }
        return () -> new Values(copy.iterator());
    }

    @Override
    public void endEvaluation(W window) throws Exception {
        ArrayList<TimestampedValue<IN>> remaining = evaluated;
        evaluated = null;
        evictor.evictAfter(remaining, remaining.size(), window, context);
        elements.update(remaining);
    }

    @Override
    public void clear() {
        elements.clear();
    }

    @Override
    public void merge(W target, Collection<W> sources) throws Exception {
        elements.mergeNamespaces(target, sources);
    }

    /** The values of timestamped elements, read-only. */
    private static final class Values implements Iterator<Object> {
        private final Iterator<? extends TimestampedValue<?>> it;

        Values(Iterator<? extends TimestampedValue<?>> it) {
            this.it = it;
        }

        @Override
        public boolean hasNext() {
            return it.hasNext();
        }

        @Override
        public Object next() {
            return it.next().value();
        }
    }
}
