package io.spate.api.execution;

import io.spate.annotations.Public;
import io.spate.common.config.ConfigOption;
import java.time.Duration;

/** Options of checkpoints and savepoints. */
@Public
public final class CheckpointingOptions {
    private CheckpointingOptions() {}

    public static final ConfigOption<Duration> INTERVAL =
            ConfigOption.key("execution.checkpointing.interval")
                    .durationType()
                    .noDefaultValue(
                            "How often a checkpoint is started; checkpoints are off when unset.");

    public static final ConfigOption<Duration> TIMEOUT =
            ConfigOption.key("execution.checkpointing.timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .description("A checkpoint not complete after this long is aborted.");

    public static final ConfigOption<Duration> MIN_PAUSE =
            ConfigOption.key("execution.checkpointing.min-pause")
                    .durationType()
                    .defaultValue(Duration.ZERO)
                    .description(
                            "The least time between the end of one checkpoint and the start of the"
                                    + " next.");

    public static final ConfigOption<Integer> MAX_CONCURRENT =
            ConfigOption.key("execution.checkpointing.max-concurrent-checkpoints")
                    .intType()
                    .defaultValue(1)
                    .description("How many checkpoints may be in progress at once.");

    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY =
            ConfigOption.key("state.checkpoints.dir")
                    .stringType()
                    .noDefaultValue(
                            "Where checkpoints are stored: a directory every process of the job"
                                    + " reaches. By default a directory under the system's temporary"
                                    + " directory.");

    public static final ConfigOption<Integer> RETAINED =
            ConfigOption.key("state.checkpoints.num-retained")
                    .intType()
                    .defaultValue(2)
                    .description(
                            "How many completed checkpoints are kept; older ones are deleted"
                                    + " (savepoints never are).");

    public static final ConfigOption<String> SAVEPOINTS_DIRECTORY =
            ConfigOption.key("state.savepoints.dir")
                    .stringType()
                    .noDefaultValue("Where savepoints go when no directory is given.");

    public static final ConfigOption<String> RESTORE_PATH =
            ConfigOption.key("execution.savepoint.path")
                    .stringType()
                    .noDefaultValue(
                            "A savepoint or checkpoint directory the job starts from, restoring its"
                                    + " state.");

    public static final ConfigOption<Boolean> ALLOW_NON_RESTORED_STATE =
            ConfigOption.key("execution.savepoint.ignore-unclaimed-state")
                    .booleanType()
                    .defaultValue(false)
                    .description(
                            "Start even when the savepoint holds state of operators the job no"
                                    + " longer has (that state is dropped).");
}
