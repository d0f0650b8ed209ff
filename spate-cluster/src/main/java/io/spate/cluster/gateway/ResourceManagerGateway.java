package io.spate.cluster.gateway;

import java.util.concurrent.CompletableFuture;

/** How TaskExecutors join the cluster and offer their slots. */
public interface ResourceManagerGateway {

    /** Registers a TaskExecutor with {@code slots} slots; completes when it may receive tasks. */
    CompletableFuture<Void> registerTaskExecutor(
            String taskExecutorId, int slots, TaskExecutorGateway gateway);

    /**
     * Registers a TaskExecutor of another process whose exchange other processes reach at {@code
     * exchangeAddress} ({@code host:port}); null for one in this process.
     */
    CompletableFuture<Void> registerTaskExecutor(
            String taskExecutorId, int slots, TaskExecutorGateway gateway, String exchangeAddress);

    /** Forgets a TaskExecutor that left or was lost; jobs using its slots must take others. */
    CompletableFuture<Void> unregisterTaskExecutor(String taskExecutorId);
}
