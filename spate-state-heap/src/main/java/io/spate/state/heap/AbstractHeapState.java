package io.spate.state.heap;

import io.spate.annotations.NotThreadSafe;
import io.spate.core.state.InternalKvState;
import io.spate.core.state.VoidNamespace;
import java.util.List;

/**
 * A handle onto a {@link StateTable}, scoped to the backend's current key and the handle's own
 * current namespace.
 */
@NotThreadSafe
abstract class AbstractHeapState<K, V> implements InternalKvState {
    final HeapKeyedStateBackend<K> backend;
    final StateTable<K, V> table;
    Object namespace = VoidNamespace.INSTANCE;

    AbstractHeapState(HeapKeyedStateBackend<K> backend, StateTable<K, V> table) {
        this.backend = backend;
        this.table = table;
    }

    @Override
    public void setCurrentNamespace(Object namespace) {
        if (namespace == null) {
            throw new NullPointerException("namespace");
        }
        this.namespace = namespace;
    }

    final V current() {
        K key = backend.requireKey();
        return table.get(backend.currentKeyGroupIndex(), key, namespace);
    }

    final V currentIn(Object ns) {
        K key = backend.requireKey();
        return table.get(backend.currentKeyGroupIndex(), key, ns);
    }

    /** The current key's value in {@code ns} for reading only (see {@link StateTable#peek}). */
    final V peekIn(Object ns) {
        K key = backend.requireKey();
        return table.peek(backend.currentKeyGroupIndex(), key, ns);
    }

    /**
     * The current key's values in {@code namespaces}, for reading only (see {@link
     * StateTable#peekAll}).
     */
    final void peekAllIn(List<?> namespaces, List<V> out) {
        K key = backend.requireKey();
        table.peekAll(backend.currentKeyGroupIndex(), key, namespaces, out);
    }

    /** Whether the current key has a value in the current namespace. */
    public boolean hasValue() {
        return peekIn(namespace) != null;
    }

    /** Whether no key has a value in any namespace. */
    public boolean isEmpty() {
        return table.size() == 0;
    }

    final void setCurrent(V value) {
        K key = backend.requireKey();
        table.put(backend.currentKeyGroupIndex(), key, namespace, value);
    }

    /** Read-modify-write of the current key's value in the current namespace, in one walk. */
    final <T> V updateCurrent(T argument, StateTable.Update<V, T> update) throws Exception {
        K key = backend.requireKey();
        return table.update(backend.currentKeyGroupIndex(), key, namespace, argument, update);
    }

    final void setIn(Object ns, V value) {
        K key = backend.requireKey();
        table.put(backend.currentKeyGroupIndex(), key, ns, value);
    }

    final void removeIn(Object ns) {
        K key = backend.requireKey();
        table.remove(backend.currentKeyGroupIndex(), key, ns);
    }

    public void clear() {
        removeIn(namespace);
    }

    @Override
    public void clearAllNamespaces() {
        table.removeNamespaces(backend.currentKeyGroupIndex(), backend.requireKey());
    }
}
