package io.spate.common.time;

import io.spate.annotations.Public;
import io.spate.annotations.ThreadSafe;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to. Both readings advance together. */
@Public
@ThreadSafe
public final class ManualClock implements Clock {
    private final AtomicLong nanos;

    /** A clock whose wall time starts at {@code startMillis}. */
    public ManualClock(long startMillis) {
        this.nanos = new AtomicLong(Math.multiplyExact(startMillis, 1_000_000L));
    }

    public ManualClock() {
        this(0);
    }

    @Override
    public long millis() {
        return Math.floorDiv(nanos.get(), 1_000_000L);
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    /** Moves time forward; a negative amount is refused because time never runs backwards here. */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Cannot move a clock backwards by " + amount);
        }
        nanos.addAndGet(amount.toNanos());
    }

    /** Moves time forward to {@code millis}; earlier times are refused. */
    public void advanceTo(long millis) {
        long target = Math.multiplyExact(millis, 1_000_000L);
        long now = nanos.get();
        if (target < now) {
            throw new IllegalArgumentException(
                    "Cannot move a clock backwards from " + millis() + " ms to " + millis + " ms");
        }
        nanos.set(target);
    }

    @Override
    public String toString() {
        return "ManualClock[" + millis() + " ms]";
    }
}
