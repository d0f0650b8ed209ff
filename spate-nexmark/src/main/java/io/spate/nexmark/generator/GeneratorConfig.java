package io.spate.nexmark.generator;

import io.spate.annotations.Public;
import java.io.Serializable;

/**
 * The four parameters that fix a Nexmark data set (SPEC §1.1): events {@code 0 .. numEvents-1}
 * generated from {@code seed}, event {@code e} at event time {@code firstEventTime + e * 1000 /
 * eventsPerSecond}.
 *
 * <p>{@code eventsPerSecond} is a rate of <em>event time</em>: it says how far apart the events'
 * timestamps are, not how fast they are produced. How fast a source emits them in wall-clock time
 * is a separate matter (see {@code NexmarkSource#withWallClockRate}).
 *
 * @param seed selects the contents of the events; an unsigned 64-bit value (print it with {@link
 *     Long#toUnsignedString})
 * @param numEvents how many events there are, {@code >= 0}
 * @param firstEventTime the event time of event 0, epoch milliseconds
 * @param eventsPerSecond events per second of event time, {@code >= 1}
 */
@Public
public record GeneratorConfig(long seed, long numEvents, long firstEventTime, long eventsPerSecond)
        implements Serializable {

    /** The default seed (SPEC §1.1). */
    public static final long DEFAULT_SEED = 42;

    /** The default time of event 0: 2023-11-14T22:13:20Z. */
    public static final long DEFAULT_FIRST_EVENT_TIME = 1_700_000_000_000L;

    /** The default event-time rate, that of the benchmark profile. */
    public static final long DEFAULT_EVENTS_PER_SECOND = 10_000_000;

    /**
     * The most events a data set may have: beyond this, {@code e * 1000} of an auction's horizon
     * ({@code e + 1666}) would overflow.
     */
    public static final long MAX_EVENTS = Long.MAX_VALUE / 1000 - EventIds.AUCTION_HORIZON_EVENTS;

    public GeneratorConfig {
        if (numEvents < 0 || numEvents > MAX_EVENTS) {
            throw new IllegalArgumentException(
                    "numEvents must be in [0, " + MAX_EVENTS + "], was " + numEvents);
        }
        if (eventsPerSecond < 1) {
            throw new IllegalArgumentException(
                    "eventsPerSecond (of event time) must be at least 1, was " + eventsPerSecond);
        }
        // The latest time computed, the horizon of the last auction, must not overflow.
        long span = (numEvents + EventIds.AUCTION_HORIZON_EVENTS) * 1000 / eventsPerSecond;
        if (firstEventTime > Long.MAX_VALUE - span) {
            throw new IllegalArgumentException(
                    "firstEventTime " + firstEventTime + " is too late: timestamps would overflow");
        }
    }

    /** {@code numEvents} events with the default seed, first event time and rate. */
    public static GeneratorConfig of(long numEvents) {
        return new GeneratorConfig(
                DEFAULT_SEED, numEvents, DEFAULT_FIRST_EVENT_TIME, DEFAULT_EVENTS_PER_SECOND);
    }

    /**
     * The oracle profile of SPEC §1.1 (seed 42, 1 000 000 events at 10 000 events per second of
     * event time), whose query results SPEC §9 lists.
     */
    public static GeneratorConfig oracleProfile() {
        return new GeneratorConfig(DEFAULT_SEED, 1_000_000, DEFAULT_FIRST_EVENT_TIME, 10_000);
    }

    public GeneratorConfig withSeed(long newSeed) {
        return new GeneratorConfig(newSeed, numEvents, firstEventTime, eventsPerSecond);
    }

    public GeneratorConfig withNumEvents(long newNumEvents) {
        return new GeneratorConfig(seed, newNumEvents, firstEventTime, eventsPerSecond);
    }

    public GeneratorConfig withFirstEventTime(long newFirstEventTime) {
        return new GeneratorConfig(seed, numEvents, newFirstEventTime, eventsPerSecond);
    }

    public GeneratorConfig withEventsPerSecond(long newEventsPerSecond) {
        return new GeneratorConfig(seed, numEvents, firstEventTime, newEventsPerSecond);
    }

    /**
     * The event time of event {@code e} (SPEC §1.3): {@code firstEventTime + floor(e * 1000 /
     * eventsPerSecond)}, non-decreasing in {@code e}.
     *
     * @param e an event index, {@code 0 <= e <= MAX_EVENTS + 1666}
     */
    public long timestampOf(long e) {
        return firstEventTime + e * 1000 / eventsPerSecond;
    }

    @Override
    public String toString() {
        return "seed="
                + Long.toUnsignedString(seed)
                + " events="
                + numEvents
                + " firstEventTime="
                + firstEventTime
                + " eventsPerSecond="
                + eventsPerSecond;
    }
}
