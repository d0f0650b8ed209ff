package io.spate.cluster.failover;

import io.spate.api.execution.CheckpointingOptions;
import io.spate.api.execution.RestartStrategyOptions;
import io.spate.common.config.Configuration;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Decides whether a failed job restarts, and after how long. Told about every failure (with the
 * time it happened, from the JobManager's clock); used on the JobManager's main thread only.
 */
public interface RestartStrategy {

    /**
     * Records a failure at {@code nowMillis}; returns the delay before restarting, or null to give
     * up.
     */
    Duration onFailure(long nowMillis);

    /** A short description for logs and the failure message. */
    String describe();

    /** The strategy the job's configuration asks for. */
    static RestartStrategy fromConfiguration(Configuration config) {
        RestartStrategyOptions.Type type = config.get(RestartStrategyOptions.TYPE);
        if (type == null) {
            type =
                    config.get(CheckpointingOptions.INTERVAL) != null
                            ? RestartStrategyOptions.Type.FIXED_DELAY
                            : RestartStrategyOptions.Type.NONE;
        }
        switch (type) {
            case FIXED_DELAY:
                return new FixedDelay(
                        config.get(RestartStrategyOptions.ATTEMPTS),
                        config.get(RestartStrategyOptions.DELAY));
            case EXPONENTIAL_DELAY:
                return new ExponentialDelay(
                        config.get(RestartStrategyOptions.INITIAL_BACKOFF),
                        config.get(RestartStrategyOptions.MAX_BACKOFF),
                        config.get(RestartStrategyOptions.RESET_BACKOFF_AFTER));
            case FAILURE_RATE:
                return new FailureRate(
                        config.get(RestartStrategyOptions.MAX_FAILURES_PER_INTERVAL),
                        config.get(RestartStrategyOptions.FAILURE_RATE_INTERVAL),
                        config.get(RestartStrategyOptions.FAILURE_RATE_DELAY));
            default:
                return new NoRestart();
        }
    }

    /** Never restart. */
    final class NoRestart implements RestartStrategy {
        @Override
        public Duration onFailure(long nowMillis) {
            return null;
        }

        @Override
        public String describe() {
            return "no restarts";
        }
    }

    /** Restart after {@code delay}, at most {@code attempts} times. */
    final class FixedDelay implements RestartStrategy {
        private final int attempts;
        private final Duration delay;
        private int restarts;

        public FixedDelay(int attempts, Duration delay) {
            this.attempts = attempts;
            this.delay = delay;
        }

        @Override
        public Duration onFailure(long nowMillis) {
            if (restarts >= attempts) {
                return null;
            }
            restarts++;
            return delay;
        }

        @Override
        public String describe() {
            return "fixed delay of " + delay.toMillis() + " ms, " + attempts + " attempts";
        }
    }

    /**
     * Restart after a delay that doubles with every failure, up to {@code max}; after running for
     * {@code resetAfter} without a failure, the delay starts again from {@code initial}.
     */
    final class ExponentialDelay implements RestartStrategy {
        private final Duration initial;
        private final Duration max;
        private final Duration resetAfter;
        private Duration next;
        private long lastFailure = Long.MIN_VALUE;

        public ExponentialDelay(Duration initial, Duration max, Duration resetAfter) {
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException(
                        "The maximum backoff " + max + " is below the initial backoff " + initial);
            }
            this.initial = initial;
            this.max = max;
            this.resetAfter = resetAfter;
            this.next = initial;
        }

        @Override
        public Duration onFailure(long nowMillis) {
            if (lastFailure != Long.MIN_VALUE && nowMillis - lastFailure >= resetAfter.toMillis()) {
                next = initial;
            }
            lastFailure = nowMillis;
            Duration delay = next;
            Duration doubled = next.multipliedBy(2);
            next = doubled.compareTo(max) > 0 ? max : doubled;
            return delay;
        }

        @Override
        public String describe() {
            return "exponential delay from "
                    + initial.toMillis()
                    + " ms up to "
                    + max.toMillis()
                    + " ms";
        }
    }

    /**
     * Restart after {@code delay} unless more than {@code maxFailures} happened within {@code
     * interval}.
     */
    final class FailureRate implements RestartStrategy {
        private final int maxFailures;
        private final Duration interval;
        private final Duration delay;
        private final ArrayDeque<Long> failures = new ArrayDeque<>();

        public FailureRate(int maxFailures, Duration interval, Duration delay) {
            this.maxFailures = maxFailures;
            this.interval = interval;
            this.delay = delay;
        }

        @Override
        public Duration onFailure(long nowMillis) {
            failures.addLast(nowMillis);
            while (!failures.isEmpty() && nowMillis - failures.peekFirst() > interval.toMillis()) {
                failures.pollFirst();
            }
            return failures.size() > maxFailures ? null : delay;
        }

        @Override
        public String describe() {
            return "failure rate of at most "
                    + maxFailures
                    + " per "
                    + interval.toMillis()
                    + " ms, delay "
                    + delay.toMillis()
                    + " ms";
        }
    }
}
