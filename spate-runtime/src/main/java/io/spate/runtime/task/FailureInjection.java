package io.spate.runtime.task;

import io.spate.annotations.Internal;
import io.spate.common.config.ConfigOption;
import io.spate.common.config.Configuration;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Failures injected on purpose, for tests of recovery (and the Nexmark runner's {@code
 * --fail-after}): an operator that throws after a number of records or during its k-th snapshot,
 * and checkpoint storage that fails to write. Configured through the job's configuration; applies
 * to one subtask (0 by default) in the first {@code testing.inject.attempts} runs of the job, so
 * that the job eventually runs through.
 */
@Internal
public final class FailureInjection {

    public static final ConfigOption<String> OPERATOR =
            ConfigOption.key("testing.inject.operator")
                    .stringType()
                    .noDefaultValue("The name of the operator to fail; no failures when unset.");

    public static final ConfigOption<Integer> SUBTASK =
            ConfigOption.key("testing.inject.subtask")
                    .intType()
                    .defaultValue(0)
                    .description("Which subtask of the operator fails.");

    public static final ConfigOption<Long> AFTER_RECORDS =
            ConfigOption.key("testing.inject.after-records")
                    .longType()
                    .noDefaultValue("Fail after this many records reached the operator's subtask.");

    public static final ConfigOption<Integer> ON_SNAPSHOT =
            ConfigOption.key("testing.inject.on-snapshot")
                    .intType()
                    .noDefaultValue("Fail while the operator's subtask takes its k-th snapshot.");

    public static final ConfigOption<Integer> STORAGE_FAILURES =
            ConfigOption.key("testing.inject.storage-failures")
                    .intType()
                    .defaultValue(0)
                    .description(
                            "The first k checkpoint writes of the subtask fail (the checkpoints are"
                                    + " declined and aborted).");

    public static final ConfigOption<Integer> ATTEMPTS =
            ConfigOption.key("testing.inject.attempts")
                    .intType()
                    .defaultValue(1)
                    .description("Inject in the first this many runs (attempts) of the job.");

    public static final ConfigOption<Long> SEED =
            ConfigOption.key("testing.inject.seed")
                    .longType()
                    .noDefaultValue(
                            "When set, each run fails after a random number of records in"
                                    + " [after-records / 2, after-records * 3 / 2), drawn from this seed"
                                    + " and the attempt.");

    private final String operator;
    private final boolean active;
    private final long afterRecords;
    private final int onSnapshot;
    private final int storageFailures;
    private final int attempt;
    private long records;
    private int snapshots;
    private int writes;

    private FailureInjection(Configuration config, int subtask, int attempt) {
        this.operator = config.get(OPERATOR);
        this.attempt = attempt;
        this.active =
                operator != null
                        && subtask == config.get(SUBTASK)
                        && attempt < config.get(ATTEMPTS);
        Long after = config.get(AFTER_RECORDS);
        Long seed = config.get(SEED);
        if (after != null && seed != null && after > 1) {
            after = after / 2 + new SplittableRandom(seed * 31 + attempt).nextLong(after);
        }
        this.afterRecords = after == null ? -1 : after;
        Integer k = config.get(ON_SNAPSHOT);
        this.onSnapshot = k == null ? -1 : k;
        this.storageFailures = config.get(STORAGE_FAILURES);
    }

    /** What to inject into subtask {@code subtask} of run {@code attempt}. */
    static FailureInjection forTask(Configuration config, int subtask, int attempt) {
        return new FailureInjection(config, subtask, attempt);
    }

    /** Whether {@code operatorName} is the operator this injection targets. */
    boolean targets(String operatorName) {
        return active && operatorName.equals(operator);
    }

    /** Counts a record into the targeted operator; throws at the chosen one. */
    void onRecord() {
        if (afterRecords >= 0 && ++records > afterRecords) {
            throw new InjectedFailure(
                    "Injected failure in '"
                            + operator
                            + "' after "
                            + afterRecords
                            + " records (attempt "
                            + attempt
                            + ")");
        }
    }

    /** Counts a snapshot of the targeted operator; throws at the chosen one. */
    void onSnapshot() {
        if (onSnapshot > 0 && ++snapshots == onSnapshot) {
            throw new InjectedFailure(
                    "Injected failure in '"
                            + operator
                            + "' during snapshot "
                            + onSnapshot
                            + " (attempt "
                            + attempt
                            + ")");
        }
    }

    /** Called before each checkpoint write of the subtask; throws for the first configured ones. */
    void onCheckpointWrite() throws IOException {
        if (active && writes++ < storageFailures) {
            throw new IOException("Injected checkpoint storage failure (attempt " + attempt + ")");
        }
    }

    /** A failure injected on purpose. */
    public static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }
}
