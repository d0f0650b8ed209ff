package io.spate.api.execution;

import io.spate.annotations.Public;
import io.spate.common.config.ConfigOption;
import java.time.Duration;

/** How a failed job is restarted from its latest checkpoint. */
@Public
public final class RestartStrategyOptions {
    private RestartStrategyOptions() {}

    /** The strategies. */
    public enum Type {
        /** Never restart: the first failure fails the job. */
        NONE,
        /** Restart after a fixed delay, up to a number of attempts. */
        FIXED_DELAY,
        /** Restart after a delay that doubles on each failure, up to a cap. */
        EXPONENTIAL_DELAY,
        /** Restart unless too many failures happened within an interval. */
        FAILURE_RATE
    }

    public static final ConfigOption<Type> TYPE =
            ConfigOption.key("restart-strategy.type")
                    .enumType(Type.class)
                    .noDefaultValue(
                            "The restart strategy: none, fixed-delay, exponential-delay or"
                                    + " failure-rate. By default fixed-delay when checkpoints are on,"
                                    + " none otherwise.");

    public static final ConfigOption<Integer> ATTEMPTS =
            ConfigOption.key("restart-strategy.fixed-delay.attempts")
                    .intType()
                    .defaultValue(Integer.MAX_VALUE)
                    .description("fixed-delay: how many restarts before the job fails for good.");

    public static final ConfigOption<Duration> DELAY =
            ConfigOption.key("restart-strategy.fixed-delay.delay")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .description("fixed-delay: the wait before each restart.");

    public static final ConfigOption<Duration> INITIAL_BACKOFF =
            ConfigOption.key("restart-strategy.exponential-delay.initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .description("exponential-delay: the wait before the first restart.");

    public static final ConfigOption<Duration> MAX_BACKOFF =
            ConfigOption.key("restart-strategy.exponential-delay.max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .description("exponential-delay: the cap on the wait.");

    public static final ConfigOption<Duration> RESET_BACKOFF_AFTER =
            ConfigOption.key("restart-strategy.exponential-delay.reset-backoff-threshold")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .description(
                            "exponential-delay: after running this long without failure, the wait"
                                    + " starts again from the initial backoff.");

    public static final ConfigOption<Integer> MAX_FAILURES_PER_INTERVAL =
            ConfigOption.key("restart-strategy.failure-rate.max-failures-per-interval")
                    .intType()
                    .defaultValue(3)
                    .description("failure-rate: failures allowed within the interval.");

    public static final ConfigOption<Duration> FAILURE_RATE_INTERVAL =
            ConfigOption.key("restart-strategy.failure-rate.failure-rate-interval")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .description("failure-rate: the interval failures are counted in.");

    public static final ConfigOption<Duration> FAILURE_RATE_DELAY =
            ConfigOption.key("restart-strategy.failure-rate.delay")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .description("failure-rate: the wait before each restart.");
}
