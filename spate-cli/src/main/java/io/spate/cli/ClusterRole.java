package io.spate.cli;

import io.spate.api.cluster.ClusterProcess;
import io.spate.api.cluster.ClusterProcessFactory;
import io.spate.common.config.Configuration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a role of a standalone cluster, found through {@link ClusterProcessFactory}, until the JVM
 * is told to end (SIGTERM, Ctrl-C): then the role leaves in order in a shutdown hook.
 */
final class ClusterRole {
    private ClusterRole() {}

    /**
     * Applies the configuration file, then {@code -D key=value} settings over it, then {@code conf}
     * (the command's own options), which wins over both.
     */
    static Configuration configuration(
            Configuration file, Map<String, String> settings, Configuration conf) {
        Configuration merged = new Configuration(file);
        settings.forEach((k, v) -> merged.setRaw(k.strip(), v));
        return merged.addAll(conf);
    }

    static int run(String role, Configuration conf, SpateCli cli) throws InterruptedException {
        ClusterProcessFactory factory = null;
        for (ClusterProcessFactory f : ServiceLoader.load(ClusterProcessFactory.class)) {
            if (f.role().equals(role)) {
                factory = f;
            }
        }
        if (factory == null) {
            throw new IllegalStateException(
                    "this installation cannot run a "
                            + role
                            + " (spate-cluster is not on the class path)");
        }
        ClusterProcess process = factory.start(conf, cli::info);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    process.close();
                                    stopped.countDown();
                                },
                                "spate-" + role + "-shutdown"));
        // Runs until the JVM ends: the shutdown hook closes the role.
        stopped.await();
        return 0;
    }
}
