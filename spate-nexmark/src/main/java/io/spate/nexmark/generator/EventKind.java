package io.spate.nexmark.generator;

import io.spate.annotations.Public;

/**
 * The kind of an event index (SPEC §1.2): of every 50 consecutive indices the first is a person,
 * the next three are auctions and the other 46 are bids.
 */
@Public
public enum EventKind {
    PERSON('P'),
    AUCTION('A'),
    BID('B');

    private final char letter;

    EventKind(char letter) {
        this.letter = letter;
    }

    /** The letter that starts the event's canonical line (SPEC §5): P, A or B. */
    public char letter() {
        return letter;
    }

    /** The kind of event {@code e}. */
    public static EventKind of(long e) {
        int offset = (int) (e % EventIds.EPOCH);
        if (offset < EventIds.PERSONS_PER_EPOCH) {
            return PERSON;
        }
        return offset < EventIds.PERSONS_PER_EPOCH + EventIds.AUCTIONS_PER_EPOCH ? AUCTION : BID;
    }

    /** How many of the events {@code 0 .. numEvents-1} are of this kind. */
    public long countIn(long numEvents) {
        long epochs = numEvents / EventIds.EPOCH;
        int rest = (int) (numEvents % EventIds.EPOCH);
        int first = this == PERSON ? 0 : this == AUCTION ? 1 : 4;
        int end = this == PERSON ? 1 : this == AUCTION ? 4 : EventIds.EPOCH;
        int perEpoch = end - first;
        return epochs * perEpoch + Math.max(0, Math.min(rest, end) - first);
    }
}
