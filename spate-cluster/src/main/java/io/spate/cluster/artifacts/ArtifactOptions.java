package io.spate.cluster.artifacts;

import io.spate.common.config.ConfigOption;

/** Options of the JobManager's store of job jars ({@link ArtifactStore}). */
public final class ArtifactOptions {
    private ArtifactOptions() {}

    public static final ConfigOption<String> DIRECTORY =
            ConfigOption.key("jobmanager.artifacts.dir")
                    .stringType()
                    .noDefaultValue(
                            "Where the JobManager keeps the jars of submitted jobs, named by their"
                                    + " SHA-256. By default a fresh temporary directory, deleted"
                                    + " when the JobManager stops.");

    public static final ConfigOption<Long> MAX_SIZE =
            ConfigOption.key("rest.max-artifact-size")
                    .longType()
                    .defaultValue(256L * 1024 * 1024)
                    .description(
                            "The largest jar, in bytes, that PUT /v1/artifacts accepts (default 256"
                                    + " MiB).");
}
