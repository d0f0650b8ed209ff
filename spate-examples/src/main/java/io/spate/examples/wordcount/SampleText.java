package io.spate.examples.wordcount;

/**
 * Deterministic sample text: line {@code i} is made of words picked by a hash of {@code i}, with a
 * skewed distribution (a few words are very common, most are rare), like natural text.
 */
public final class SampleText {
    private SampleText() {}

    private static final String[] COMMON = {
        "the", "of", "and", "to", "a", "in", "is", "it", "that", "stream", "event", "time"
    };

    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ra", "ten", "sho", "vi", "dor", "an", "pel", "qu", "zer", "ix", "ot",
        "bu", "fa", "gre", "hin", "jo", "nu"
    };

    /** The text of line {@code index}: 6 to 17 words. */
    public static String line(long index) {
        long h = mix(index);
        int words = 6 + (int) ((h >>> 60) & 0xB);
        StringBuilder sb = new StringBuilder(words * 7);
        for (int w = 0; w < words; w++) {
            h = mix(h + w);
            if (w > 0) {
                sb.append(' ');
            }
            if ((h & 3) != 0) {
                sb.append(COMMON[(int) ((h >>> 8) % COMMON.length)]);
            } else {
                int syllables = 1 + (int) ((h >>> 16) % 3);
                for (int s = 0; s < syllables; s++) {
                    sb.append(SYLLABLES[(int) ((h >>> (20 + 5 * s)) % SYLLABLES.length)]);
                }
            }
        }
        return sb.toString();
    }

    /** SplitMix64's finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
