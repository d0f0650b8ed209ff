package io.spate.api.cluster;

import io.spate.annotations.Internal;

/** A running role of a standalone cluster; see {@link ClusterProcessFactory}. */
@Internal
public interface ClusterProcess extends AutoCloseable {

    /**
     * Stops the role in order: tells its peers it leaves, closes its connections and ends its
     * threads, waiting a bounded time. Idempotent; callable from any thread, including a shutdown
     * hook.
     */
    @Override
    void close();
}
