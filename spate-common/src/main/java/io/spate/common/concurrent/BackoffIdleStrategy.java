package io.spate.common.concurrent;

import io.spate.annotations.NotThreadSafe;
import java.util.concurrent.locks.LockSupport;

/**
 * Spins {@code maxSpins} times, yields {@code maxYields} times, then parks for a time that doubles
 * from {@code minParkNanos} up to {@code maxParkNanos}. Progress resets it.
 *
 * <p>Busy spinning forever is never the default: on a 2-core machine it steals the core another
 * worker needs.
 */
@NotThreadSafe
public final class BackoffIdleStrategy implements IdleStrategy {
    private final long maxSpins;
    private final long maxYields;
    private final long minParkNanos;
    private final long maxParkNanos;

    private long spins;
    private long yields;
    private long parkNanos;

    public BackoffIdleStrategy(
            long maxSpins, long maxYields, long minParkNanos, long maxParkNanos) {
        if (minParkNanos < 1 || maxParkNanos < minParkNanos) {
            throw new IllegalArgumentException(
                    "need 0 < minParkNanos <= maxParkNanos, got "
                            + minParkNanos
                            + ", "
                            + maxParkNanos);
        }
        this.maxSpins = maxSpins;
        this.maxYields = maxYields;
        this.minParkNanos = minParkNanos;
        this.maxParkNanos = maxParkNanos;
        this.parkNanos = minParkNanos;
    }

    /** The engine's default: a short spin, a few yields, then parks of up to one millisecond. */
    public static BackoffIdleStrategy forWorkers() {
        return new BackoffIdleStrategy(50, 10, 1_000, 1_000_000);
    }

    @Override
    public void idle(boolean madeProgress) {
        if (madeProgress) {
            spins = 0;
            yields = 0;
            parkNanos = minParkNanos;
            return;
        }
        if (spins < maxSpins) {
            spins++;
            Thread.onSpinWait();
        } else if (yields < maxYields) {
            yields++;
            Thread.yield();
        } else {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos * 2, maxParkNanos);
        }
    }
}
