package io.spate.api.common.state;

import io.spate.annotations.Public;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Time to live for keyed state: a value not written (or, optionally, read) for {@code ttl} expires.
 * Expired values are never returned (unless visibility says otherwise) and are removed as they are
 * met, incrementally in the background of state accesses, and when a checkpoint is written. TTL
 * applies to a key's whole value: a list or a map expires as one.
 *
 * <pre>{@code
 * StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofHours(1))
 *         .updateTtlOnReadAndWrite()
 *         .build();
 * descriptor.enableTimeToLive(ttl);
 * }</pre>
 *
 * Time is processing time, from the engine's clock.
 */
@Public
public final class StateTtlConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** When the time to live starts again. */
    public enum UpdateType {
        /** When the value is created or written. */
        OnCreateAndWrite,
        /** Also when it is read. */
        OnReadAndWrite
    }

    /** Whether an expired value that is still stored may be returned. */
    public enum StateVisibility {
        NeverReturnExpired,
        ReturnExpiredIfNotCleanedUp
    }

    private final Duration ttl;
    private final UpdateType updateType;
    private final StateVisibility visibility;
    private final boolean cleanupInSnapshots;
    private final int incrementalCleanupSize;

    private StateTtlConfig(Builder b) {
        this.ttl = b.ttl;
        this.updateType = b.updateType;
        this.visibility = b.visibility;
        this.cleanupInSnapshots = b.cleanupInSnapshots;
        this.incrementalCleanupSize = b.incrementalCleanupSize;
    }

    public static Builder newBuilder(Duration ttl) {
        return new Builder(ttl);
    }

    public Duration getTtl() {
        return ttl;
    }

    public UpdateType getUpdateType() {
        return updateType;
    }

    public StateVisibility getStateVisibility() {
        return visibility;
    }

    /** Whether expired values are left out of checkpoints. */
    public boolean isCleanupInSnapshots() {
        return cleanupInSnapshots;
    }

    /** How many stored values each state access checks for expiry (0: none). */
    public int getIncrementalCleanupSize() {
        return incrementalCleanupSize;
    }

    /**
     * Builds a {@link StateTtlConfig}; by default: on create and write, never return expired, clean
     * up in snapshots and 5 values per access.
     */
    public static final class Builder {
        private final Duration ttl;
        private UpdateType updateType = UpdateType.OnCreateAndWrite;
        private StateVisibility visibility = StateVisibility.NeverReturnExpired;
        private boolean cleanupInSnapshots = true;
        private int incrementalCleanupSize = 5;

        private Builder(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("A time to live must be positive, was " + ttl);
            }
            this.ttl = ttl;
        }

        public Builder setUpdateType(UpdateType type) {
            this.updateType = Objects.requireNonNull(type);
            return this;
        }

        public Builder updateTtlOnCreateAndWrite() {
            return setUpdateType(UpdateType.OnCreateAndWrite);
        }

        public Builder updateTtlOnReadAndWrite() {
            return setUpdateType(UpdateType.OnReadAndWrite);
        }

        public Builder setStateVisibility(StateVisibility visibility) {
            this.visibility = Objects.requireNonNull(visibility);
            return this;
        }

        public Builder neverReturnExpired() {
            return setStateVisibility(StateVisibility.NeverReturnExpired);
        }

        public Builder returnExpiredIfNotCleanedUp() {
            return setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp);
        }

        /** Leaves expired values out of checkpoints (on by default). */
        public Builder cleanupFullSnapshot() {
            this.cleanupInSnapshots = true;
            return this;
        }

        /** Checks {@code cleanupSize} stored values for expiry on each state access. */
        public Builder cleanupIncrementally(int cleanupSize) {
            if (cleanupSize < 0) {
                throw new IllegalArgumentException("cleanupSize must not be negative");
            }
            this.incrementalCleanupSize = cleanupSize;
            return this;
        }

        /** No incremental clean-up: expired values go only when read or checkpointed. */
        public Builder disableCleanupInBackground() {
            this.incrementalCleanupSize = 0;
            return this;
        }

        public StateTtlConfig build() {
            return new StateTtlConfig(this);
        }
    }
}
