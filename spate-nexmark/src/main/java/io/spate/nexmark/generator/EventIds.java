package io.spate.nexmark.generator;

/**
 * The constants of SPEC §4.1 and the id helpers of §4.2: which person and auction are the newest at
 * an event index. Pure functions of the index, no draws.
 */
final class EventIds {
    static final long FIRST_PERSON_ID = 1000;
    static final long FIRST_AUCTION_ID = 1000;
    static final long FIRST_CATEGORY_ID = 10;
    static final int NUM_CATEGORIES = 5;
    static final long NUM_ACTIVE_PEOPLE = 1000;
    static final long NUM_IN_FLIGHT_AUCTIONS = 100;
    static final long PERSON_ID_LEAD = 10;
    static final long AUCTION_ID_LEAD = 10;
    static final long HOT_BATCH = 100;
    static final int HOT_AUCTION_RATIO = 2;
    static final int HOT_SELLER_RATIO = 4;
    static final int HOT_BIDDER_RATIO = 4;

    /** Events in which NUM_IN_FLIGHT_AUCTIONS auctions are created: 100 * 50 / 3. */
    static final long AUCTION_HORIZON_EVENTS = NUM_IN_FLIGHT_AUCTIONS * 50 / 3;

    static final int AVG_PERSON_BYTES = 200;
    static final int AVG_AUCTION_BYTES = 500;
    static final int AVG_BID_BYTES = 100;

    /** Events per epoch, and how many of each kind an epoch holds, in this order. */
    static final int EPOCH = 50;

    static final int PERSONS_PER_EPOCH = 1;
    static final int AUCTIONS_PER_EPOCH = 3;

    private EventIds() {}

    /** The base-0 id of the newest person at or before event {@code e}. */
    static long lastPersonId0(long e) {
        return e / EPOCH;
    }

    /**
     * The base-0 id of the newest auction at or before event {@code e}, given {@code offset = e %
     * 50 >= 1} (for a person, offset 0, it is never used).
     */
    static long lastAuctionId0(long epoch, int offset) {
        return offset <= AUCTIONS_PER_EPOCH
                ? epoch * AUCTIONS_PER_EPOCH + offset - 1
                : epoch * AUCTIONS_PER_EPOCH + AUCTIONS_PER_EPOCH - 1;
    }
}
