package io.spate.tests.nexmark;

import io.spate.api.execution.RestartStrategyOptions;
import io.spate.common.config.Configuration;
import io.spate.nexmark.runner.NexmarkRunner;
import io.spate.nexmark.runner.NexmarkRunner.Options;
import io.spate.tests.cli.StandaloneClusterFixture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Nexmark runs on a standalone cluster that the fault tests kill TaskManagers of meanwhile. */
final class ClusterRuns {
    private ClusterRuns() {}

    /**
     * A client's options for {@code cluster}, with a fixed-delay restart strategy (200 ms) that
     * allows {@code restarts} restarts.
     */
    static Configuration failingOver(StandaloneClusterFixture cluster, int restarts) {
        Configuration conf = cluster.clientConfig();
        conf.set(RestartStrategyOptions.TYPE, RestartStrategyOptions.Type.FIXED_DELAY);
        conf.set(RestartStrategyOptions.ATTEMPTS, restarts);
        conf.set(RestartStrategyOptions.DELAY, Duration.ofMillis(200));
        return conf;
    }

    /** Runs the query on another thread; the future holds its result. */
    static CompletableFuture<NexmarkRunner.Result> runAsync(Options options) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return NexmarkRunner.run(options);
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                });
    }
}
