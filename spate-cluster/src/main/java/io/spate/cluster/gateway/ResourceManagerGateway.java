package io.spate.cluster.gateway;

import java.util.concurrent.CompletableFuture;

/** How TaskExecutors join the cluster and offer their slots. */
public interface ResourceManagerGateway {

    /** Registers a TaskExecutor with {@code slots} slots; completes when it may receive tasks. */
    CompletableFuture<Void> registerTaskExecutor(
            String taskExecutorId, int slots, TaskExecutorGateway gateway);
}
