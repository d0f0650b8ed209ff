package io.spate.nexmark.generator;

import static io.spate.nexmark.generator.EventIds.AUCTIONS_PER_EPOCH;
import static io.spate.nexmark.generator.EventIds.AUCTION_HORIZON_EVENTS;
import static io.spate.nexmark.generator.EventIds.AUCTION_ID_LEAD;
import static io.spate.nexmark.generator.EventIds.AVG_AUCTION_BYTES;
import static io.spate.nexmark.generator.EventIds.AVG_BID_BYTES;
import static io.spate.nexmark.generator.EventIds.AVG_PERSON_BYTES;
import static io.spate.nexmark.generator.EventIds.EPOCH;
import static io.spate.nexmark.generator.EventIds.FIRST_AUCTION_ID;
import static io.spate.nexmark.generator.EventIds.FIRST_CATEGORY_ID;
import static io.spate.nexmark.generator.EventIds.FIRST_PERSON_ID;
import static io.spate.nexmark.generator.EventIds.HOT_AUCTION_RATIO;
import static io.spate.nexmark.generator.EventIds.HOT_BATCH;
import static io.spate.nexmark.generator.EventIds.HOT_BIDDER_RATIO;
import static io.spate.nexmark.generator.EventIds.HOT_SELLER_RATIO;
import static io.spate.nexmark.generator.EventIds.NUM_ACTIVE_PEOPLE;
import static io.spate.nexmark.generator.EventIds.NUM_CATEGORIES;
import static io.spate.nexmark.generator.EventIds.NUM_IN_FLIGHT_AUCTIONS;
import static io.spate.nexmark.generator.EventIds.PERSONS_PER_EPOCH;
import static io.spate.nexmark.generator.EventIds.PERSON_ID_LEAD;

import io.spate.annotations.Public;
import io.spate.nexmark.model.Auction;
import io.spate.nexmark.model.Bid;
import io.spate.nexmark.model.Event;
import io.spate.nexmark.model.Person;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The deterministic Nexmark generator of SPEC §1–§4: event {@code e} is a pure function of {@code
 * (seed, e, firstEventTime, eventsPerSecond)}, identical, bit for bit, to the reference
 * implementations (Flink's Java generator and {@code reference.py}).
 *
 * <p>How the SPEC maps onto the code:
 *
 * <ul>
 *   <li>§1 parameters, kinds and timestamps: {@link GeneratorConfig}, {@link EventKind};
 *   <li>§2 random numbers: {@link SplitMix64}; the state for event {@code e} is {@code mix64(e +
 *       mix64(seed))}, and all of the event's draws come from it in the order §4 lists them;
 *   <li>§3 fixed tables: {@link NexmarkTables}, built once per JVM;
 *   <li>§4 event contents: {@link #event}, with one method per kind below.
 * </ul>
 *
 * <p>Made for speed: one generator draws any number of events without allocating anything but the
 * events themselves (the record and its strings). Strings are assembled in a reused byte buffer and
 * created once; names, cities, channels and URLs come from the tables; {@code extra} padding is a
 * copy of a slice of the pool.
 *
 * <p>Not thread-safe: use one generator per thread. Creating one is cheap (the tables are shared).
 */
@Public
public final class NexmarkGenerator {
    /** The longest string assembled in the buffer: a description, at most 99 characters. */
    private static final int BUFFER_SIZE = 128;

    /** The length of a credit card number: four groups of four digits and three spaces. */
    private static final int CREDIT_CARD_LENGTH = 19;

    private static final int DESCRIPTION_MAX = 100;
    private static final int ITEM_NAME_MAX = 20;

    private final GeneratorConfig config;
    private final long seedMix;
    private final SplitMix64 random = new SplitMix64(0);
    private final byte[] buffer = new byte[BUFFER_SIZE];

    // The tables, read into fields once.
    private final byte[] pool = NexmarkTables.Drawn.EXTRA_POOL;
    private final String[] hotUrls = NexmarkTables.Drawn.HOT_URLS;
    private final String[] channelUrls = NexmarkTables.Drawn.CHANNEL_URLS;
    private final String[] channelNames = NexmarkTables.Drawn.CHANNEL_NAMES;

    public NexmarkGenerator(GeneratorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.seedMix = SplitMix64.mix64(config.seed());
    }

    public GeneratorConfig config() {
        return config;
    }

    /**
     * Event {@code e}: a {@link Person}, {@link Auction} or {@link Bid} as {@link EventKind#of}
     * says. Any index may be asked for in any order; the result depends on the index alone.
     *
     * @param e the event index; indices at or beyond {@code numEvents} give the events a longer
     *     data set would have
     */
    public Event event(long e) {
        int offset = (int) (e % EPOCH);
        if (offset < PERSONS_PER_EPOCH) {
            return person(e);
        }
        if (offset < PERSONS_PER_EPOCH + AUCTIONS_PER_EPOCH) {
            return auction(e, offset);
        }
        return bid(e);
    }

    /** Seeds the generator for event {@code e} (SPEC §2.3). */
    private void seedFor(long e) {
        random.setState(SplitMix64.mix64(e + seedMix));
    }

    /** The initial random state of event {@code e}, for tests of SPEC §2.3. */
    long initialStateOf(long e) {
        return SplitMix64.mix64(e + seedMix);
    }

    /** SPEC §4.4. */
    private Person person(long e) {
        seedFor(e);
        SplitMix64 r = random;
        long id = FIRST_PERSON_ID + EventIds.lastPersonId0(e);
        int first = r.belowInt(NexmarkTables.FIRST_NAMES.length);
        int last = r.belowInt(NexmarkTables.LAST_NAMES.length);
        String name = NexmarkTables.FULL_NAMES[first * NexmarkTables.LAST_NAMES.length + last];
        String email = emailAddress();
        String creditCard = creditCard();
        String city = NexmarkTables.CITIES[r.belowInt(NexmarkTables.CITIES.length)];
        String state = NexmarkTables.STATES[r.belowInt(NexmarkTables.STATES.length)];
        int size =
                8
                        + name.length()
                        + email.length()
                        + CREDIT_CARD_LENGTH
                        + city.length()
                        + state.length();
        String extra = extra(size, AVG_PERSON_BYTES);
        return new Person(id, name, email, creditCard, city, state, config.timestampOf(e), extra);
    }

    /** SPEC §4.5. */
    private Auction auction(long e, int offset) {
        seedFor(e);
        SplitMix64 r = random;
        long epoch = e / EPOCH;
        long id = FIRST_AUCTION_ID + EventIds.lastAuctionId0(epoch, offset);
        long seller0 =
                r.below(HOT_SELLER_RATIO) > 0
                        ? (epoch / HOT_BATCH) * HOT_BATCH
                        : randomPersonId0(epoch);
        long category = FIRST_CATEGORY_ID + r.below(NUM_CATEGORIES);
        long initialBid = price();
        long ts = config.timestampOf(e);
        long horizon = config.timestampOf(e + AUCTION_HORIZON_EVENTS) - ts;
        long bound = Math.min(Math.max(2 * horizon, 1), Integer.MAX_VALUE);
        long expires = ts + 1 + r.below(bound);
        String itemName = text(ITEM_NAME_MAX);
        String description = text(DESCRIPTION_MAX);
        long reserve = initialBid + price();
        String extra = extra(8 + itemName.length() + description.length() + 40, AVG_AUCTION_BYTES);
        return new Auction(
                id,
                itemName,
                description,
                initialBid,
                reserve,
                ts,
                expires,
                FIRST_PERSON_ID + seller0,
                category,
                extra);
    }

    /** SPEC §4.6. */
    private Bid bid(long e) {
        seedFor(e);
        SplitMix64 r = random;
        long epoch = e / EPOCH;
        long lastAuction0 = epoch * AUCTIONS_PER_EPOCH + AUCTIONS_PER_EPOCH - 1;
        long auction0 =
                r.below(HOT_AUCTION_RATIO) > 0
                        ? (lastAuction0 / HOT_BATCH) * HOT_BATCH
                        : randomAuctionId0(lastAuction0);
        long bidder0 =
                r.below(HOT_BIDDER_RATIO) > 0
                        ? (epoch / HOT_BATCH) * HOT_BATCH + 1
                        : randomPersonId0(epoch);
        long price = price();
        String channel;
        String url;
        if (r.below(2) > 0) {
            int k = r.belowInt(NexmarkTables.HOT_CHANNELS.length);
            channel = NexmarkTables.HOT_CHANNELS[k];
            url = hotUrls[k];
        } else {
            int c = r.belowInt(NexmarkTables.NUM_CHANNELS);
            channel = channelNames[c];
            url = channelUrls[c];
        }
        // 32 stands for the fixed-size fields, as in the reference generators.
        String extra = extra(32, AVG_BID_BYTES);
        return new Bid(
                FIRST_AUCTION_ID + auction0,
                FIRST_PERSON_ID + bidder0,
                price,
                channel,
                url,
                config.timestampOf(e),
                extra);
    }

    /** One of the last 1000 persons or the 10 to come (SPEC §4.2); one draw. */
    private long randomPersonId0(long lastPersonId0) {
        long numPeople = lastPersonId0 + 1;
        long active = Math.min(numPeople, NUM_ACTIVE_PEOPLE);
        return numPeople - active + random.below(active + PERSON_ID_LEAD);
    }

    /** One of the last 100 auctions or the 10 to come (SPEC §4.2); one draw. */
    private long randomAuctionId0(long lastAuctionId0) {
        long min = Math.max(lastAuctionId0 - NUM_IN_FLIGHT_AUCTIONS, 0);
        return min + random.below(lastAuctionId0 - min + 1 + AUCTION_ID_LEAD);
    }

    /** Cents, log-uniform over the decades from 1 $ to 1 000 000 $ (SPEC §4.3); two draws. */
    private long price() {
        int decade = random.belowInt(6);
        long low = 100;
        for (int i = 0; i < decade; i++) {
            low *= 10;
        }
        return low + random.below(9 * low);
    }

    /** {@code 3 + below(4)} letters, "@", {@code 3 + below(2)} letters, ".com". */
    private String emailAddress() {
        int n = letters(0, 3 + random.belowInt(4));
        buffer[n++] = '@';
        n = letters(n, 3 + random.belowInt(2));
        buffer[n++] = '.';
        buffer[n++] = 'c';
        buffer[n++] = 'o';
        buffer[n++] = 'm';
        return string(n);
    }

    /** Writes {@code count} letters at {@code at}; returns the position after them. */
    private int letters(int at, int count) {
        byte[] b = buffer;
        SplitMix64 r = random;
        int end = at + count;
        for (int i = at; i < end; i++) {
            b[i] = (byte) ('a' + r.below(26));
        }
        return end;
    }

    /** Four groups of four digits, with leading zeros, separated by spaces. */
    private String creditCard() {
        byte[] b = buffer;
        for (int g = 0; g < 4; g++) {
            int group = random.belowInt(10_000);
            int at = g * 5;
            b[at] = (byte) ('0' + group / 1000);
            b[at + 1] = (byte) ('0' + group / 100 % 10);
            b[at + 2] = (byte) ('0' + group / 10 % 10);
            b[at + 3] = (byte) ('0' + group % 10);
            if (g < 3) {
                b[at + 4] = ' ';
            }
        }
        return string(CREDIT_CARD_LENGTH);
    }

    /**
     * {@code 3 + below(maxLength - 3)} characters: letters at both ends, in between letters or (2
     * times in 28) spaces (SPEC §4.3).
     */
    private String text(int maxLength) {
        byte[] b = buffer;
        SplitMix64 r = random;
        int length = 3 + r.belowInt(maxLength - 3);
        int last = length - 1;
        b[0] = (byte) ('a' + r.below(26));
        for (int i = 1; i < last; i++) {
            long c = r.below(28);
            b[i] = c < 26 ? (byte) ('a' + c) : (byte) ' ';
        }
        b[last] = (byte) ('a' + r.below(26));
        return string(length);
    }

    /**
     * Padding that brings a record of {@code size} "bytes" to {@code average} on average: a slice
     * of the extra pool, its length uniform within about ±20 % of what is missing (SPEC §4.3).
     */
    private String extra(int size, int average) {
        if (size >= average) {
            return "";
        }
        int desired = average - size;
        int delta = (2 * desired + 5) / 10;
        int length = desired - delta + (delta > 0 ? random.belowInt(2 * delta) : 0);
        if (length == 0) {
            return "";
        }
        int from = random.belowInt(NexmarkTables.EXTRA_POOL_LENGTH - length);
        return new String(pool, from, length, StandardCharsets.ISO_8859_1);
    }

    /** The first {@code length} bytes of the buffer as a string. */
    private String string(int length) {
        // ISO-8859-1 maps bytes to chars one to one; for these ASCII bytes it is the cheapest
        // decoding (a plain copy into a compact string).
        return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
    }
}
