package io.spate.core.state;

import io.spate.annotations.Internal;
import java.util.Collection;

/** State whose values of several namespaces can be merged into one (for merging windows). */
@Internal
public interface InternalMergingState extends InternalKvState {
    /**
     * Merges the current key's values in {@code sources} into {@code target} and removes them from
     * the sources.
     */
    void mergeNamespaces(Object target, Collection<?> sources) throws Exception;
}
