package io.spate.nexmark.generator;

import io.spate.annotations.Public;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The fixed tables of SPEC §3, the same for every seed: the word lists, the four hot URLs, the 10
 * 000 channels with their URLs, and the 1 MiB pool of letters that {@code extra} padding is cut
 * from.
 *
 * <p>Built once per JVM, on first use (about 1 million draws, a few milliseconds), from one
 * SplitMix64 generator seeded with {@code "NEXMARK!"} in ASCII, in the exact order of §3.2: hot
 * URLs, then per channel its base URL and whether it gets a {@code channel_id}, then the pool.
 * Immutable afterwards, so shared by all generators and threads.
 */
@Public
public final class NexmarkTables {
    /** The seed of the table generator: "NEXMARK!" in ASCII. */
    public static final long TABLE_SEED = 0x4E45584D41524B21L;

    /** How many channels there are besides the hot ones. */
    public static final int NUM_CHANNELS = 10_000;

    /** The length of the extra pool: 2^20 characters. */
    public static final int EXTRA_POOL_LENGTH = 1 << 20;

    static final String[] FIRST_NAMES = {
        "Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter",
        "Walter"
    };
    static final String[] LAST_NAMES = {
        "Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"
    };
    static final String[] CITIES = {
        "Phoenix",
        "Los Angeles",
        "San Francisco",
        "Boise",
        "Portland",
        "Bend",
        "Redmond",
        "Seattle",
        "Kent",
        "Cheyenne"
    };
    static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
    static final String[] HOT_CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};

    /**
     * Every "first last" name, at {@code first * LAST_NAMES.length + last}: a person's name is then
     * a table look-up, not a concatenation.
     */
    static final String[] FULL_NAMES = fullNames();

    private NexmarkTables() {}

    /** The tables drawn from the table generator, built on first use. */
    static final class Drawn {
        static final String[] HOT_URLS = new String[HOT_CHANNELS.length];
        static final String[] CHANNEL_URLS = new String[NUM_CHANNELS];
        static final String[] CHANNEL_NAMES = new String[NUM_CHANNELS];

        /** ASCII letters, one byte each. */
        static final byte[] EXTRA_POOL = new byte[EXTRA_POOL_LENGTH];

        static {
            SplitMix64 t = new SplitMix64(TABLE_SEED);
            StringBuilder url = new StringBuilder(100);
            for (int k = 0; k < HOT_URLS.length; k++) {
                HOT_URLS[k] = baseUrl(t, url).toString();
            }
            for (int c = 0; c < NUM_CHANNELS; c++) {
                baseUrl(t, url);
                if (t.below(10) > 0) {
                    url.append("&channel_id=").append(Integer.toUnsignedString(Integer.reverse(c)));
                }
                CHANNEL_URLS[c] = url.toString();
                CHANNEL_NAMES[c] = "channel-" + c;
            }
            for (int i = 0; i < EXTRA_POOL_LENGTH; i++) {
                EXTRA_POOL[i] = (byte) ('a' + t.below(26));
            }
        }

        private Drawn() {}

        /** {@code https://www.nexmark.com/w/w/w/item.htm?query=1} with three url words. */
        private static StringBuilder baseUrl(SplitMix64 t, StringBuilder url) {
            url.setLength(0);
            url.append("https://www.nexmark.com/");
            urlWord(t, url);
            url.append('/');
            urlWord(t, url);
            url.append('/');
            urlWord(t, url);
            return url.append("/item.htm?query=1");
        }

        /** 3 or 4 characters, each a letter or (2 times in 28) an underscore. */
        private static void urlWord(SplitMix64 t, StringBuilder url) {
            long length = 3 + t.below(2);
            for (long i = 0; i < length; i++) {
                long c = t.below(28);
                url.append(c < 26 ? (char) ('a' + c) : '_');
            }
        }
    }

    private static String[] fullNames() {
        String[] names = new String[FIRST_NAMES.length * LAST_NAMES.length];
        for (int f = 0; f < FIRST_NAMES.length; f++) {
            for (int l = 0; l < LAST_NAMES.length; l++) {
                names[f * LAST_NAMES.length + l] = FIRST_NAMES[f] + " " + LAST_NAMES[l];
            }
        }
        return names;
    }

    /** The URL of hot channel {@code k}, {@code 0 <= k < 4}. */
    public static String hotUrl(int k) {
        return Drawn.HOT_URLS[k];
    }

    /** The name of hot channel {@code k}: Google, Facebook, Baidu, Apple. */
    public static String hotChannel(int k) {
        return HOT_CHANNELS[k];
    }

    /** The URL of channel {@code c}, {@code 0 <= c < 10 000}. */
    public static String channelUrl(int c) {
        return Drawn.CHANNEL_URLS[c];
    }

    /** The name of channel {@code c}: {@code channel-c}. */
    public static String channelName(int c) {
        return Drawn.CHANNEL_NAMES[c];
    }

    /** The characters {@code [from, from + length)} of the extra pool. */
    public static String extraPool(int from, int length) {
        return new String(Drawn.EXTRA_POOL, from, length, StandardCharsets.ISO_8859_1);
    }

    /** The US states persons live in; q3 filters on OR, ID and CA. */
    public static List<String> states() {
        return List.of(STATES);
    }
}
