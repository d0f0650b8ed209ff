package io.spate.api.execution;

import io.spate.annotations.Public;
import io.spate.common.config.ConfigOption;

/** Options of the environment that builds and submits jobs. */
@Public
public final class ExecutionOptions {
    private ExecutionOptions() {}

    public static final ConfigOption<String> TARGET =
            ConfigOption.key("execution.target")
                    .stringType()
                    .defaultValue("embedded")
                    .description(
                            "Where jobs run: 'embedded' starts an engine inside this JVM for each job.");

    public static final ConfigOption<Integer> PARALLELISM =
            ConfigOption.key("parallelism.default")
                    .intType()
                    .noDefaultValue(
                            "The parallelism of operators that set none; when unset, the number of cores.");

    public static final ConfigOption<Integer> MAX_PARALLELISM =
            ConfigOption.key("pipeline.max-parallelism")
                    .intType()
                    .defaultValue(128)
                    .description(
                            "The number of key groups: the highest parallelism a keyed operator can be"
                                    + " rescaled to.");

    public static final ConfigOption<String> JOB_NAME =
            ConfigOption.key("pipeline.name")
                    .stringType()
                    .noDefaultValue("The name of jobs that are executed without one.");
}
