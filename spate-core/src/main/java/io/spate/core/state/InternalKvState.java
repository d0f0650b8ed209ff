package io.spate.core.state;

import io.spate.annotations.Internal;

/**
 * The runtime's view of a keyed state handle: besides the current key (set on the backend), a state
 * has a current <em>namespace</em> — a window, for window operators — and holds one value per (key,
 * namespace). Handles given to users stay in {@link VoidNamespace}.
 */
@Internal
public interface InternalKvState {
    /** Scopes the handle to {@code namespace} (a window, or {@link VoidNamespace#INSTANCE}). */
    void setCurrentNamespace(Object namespace);

    /** Removes the value of the current key in every namespace but the void one. */
    void clearAllNamespaces();
}
