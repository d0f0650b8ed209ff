package io.spate.common.config;

import io.spate.annotations.SuppressForbidden;

/** Facts about the machine, read in one place so that tests and configuration can override them. */
public final class Hardware {
    private Hardware() {}

    /**
     * The number of cores the JVM may use (honours container limits and -XX:ActiveProcessorCount).
     */
    @SuppressForbidden(reason = "the one place that asks the JVM for its core count")
    public static int availableProcessors() {
        return Runtime.getRuntime().availableProcessors();
    }
}
