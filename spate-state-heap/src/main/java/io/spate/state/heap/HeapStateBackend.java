package io.spate.state.heap;

import io.spate.core.state.KeyedBackendParameters;
import io.spate.core.state.KeyedStateBackend;
import io.spate.core.state.StateBackend;

/** Keeps keyed state in Java objects on the heap, in hash maps per key group. The default. */
public final class HeapStateBackend implements StateBackend {
    private static final long serialVersionUID = 1L;

    @Override
    public String name() {
        return "heap";
    }

    @Override
    public <K> KeyedStateBackend<K> createKeyedStateBackend(KeyedBackendParameters<K> parameters) {
        return new HeapKeyedStateBackend<>(parameters);
    }
}
