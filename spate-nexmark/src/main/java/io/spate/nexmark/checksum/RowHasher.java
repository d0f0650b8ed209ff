package io.spate.nexmark.checksum;

import io.spate.annotations.Public;
import io.spate.nexmark.generator.SplitMix64;

/**
 * Computes the {@linkplain RowHash row hash} of a row column by column, rendering each column as
 * SPEC §7.1 says straight into the hash, without building the row's text:
 *
 * <pre>{@code
 * RowHasher hasher = new RowHasher();           // once, then reused for every row
 * long hash = hasher.begin().add(bid.auction()).add(bid.bidder()).add(bid.price())
 *         .add(bid.dateTime()).add(bid.extra()).end();
 * }</pre>
 *
 * <p>The {@code |} between columns is added by the hasher. Mutable and not thread-safe: one per
 * thread (or per operator instance); it allocates nothing.
 */
@Public
public final class RowHasher {
    private static final long PRIME = RowHash.FNV_PRIME;

    /** Digits of a number, written backwards from the end. */
    private final byte[] digits = new byte[20];

    private long h = RowHash.FNV_OFFSET_BASIS;
    private boolean first = true;

    /** Starts a new row, forgetting any row not ended. */
    public RowHasher begin() {
        h = RowHash.FNV_OFFSET_BASIS;
        first = true;
        return this;
    }

    /** The row hash of the columns added since {@link #begin}. */
    public long end() {
        return SplitMix64.mix64(h);
    }

    private void separator() {
        if (first) {
            first = false;
        } else {
            h = (h ^ '|') * PRIME;
        }
    }

    /** A BIGINT, INT or TIMESTAMP(3) column: the minimal decimal, {@code -} for negatives. */
    public RowHasher add(long value) {
        separator();
        if (value < 0) {
            h = (h ^ '-') * PRIME;
        }
        appendMagnitude(value);
        return this;
    }

    /** A VARCHAR column: its characters as UTF-8. {@code null} is rendered as {@code \N}. */
    public RowHasher add(CharSequence value) {
        if (value == null) {
            return addNull();
        }
        separator();
        h = RowHash.fnv1a64(h, value);
        return this;
    }

    /** A single-character column. */
    public RowHasher add(char value) {
        separator();
        if (value < 0x80) {
            h = (h ^ value) * PRIME;
        } else {
            h = RowHash.fnv1a64(h, String.valueOf(value));
        }
        return this;
    }

    /** A NULL column: the two characters {@code \N}. */
    public RowHasher addNull() {
        separator();
        h = (h ^ '\\') * PRIME;
        h = (h ^ 'N') * PRIME;
        return this;
    }

    /**
     * A DECIMAL(p, s) column of value {@code unscaled / 10^scale}: plain, with exactly {@code
     * scale} fraction digits and at least one integer digit ({@code 908.000}, {@code 0.908}, {@code
     * -0.005}).
     *
     * @param scale the number of fraction digits, {@code 0 <= scale <= 18}
     */
    public RowHasher addDecimal(long unscaled, int scale) {
        if (scale < 0 || scale > 18) {
            throw new IllegalArgumentException("scale must be in [0, 18], was " + scale);
        }
        separator();
        if (unscaled < 0) {
            h = (h ^ '-') * PRIME;
        }
        int n = magnitudeDigits(unscaled);
        int start = digits.length - n;
        // Integer digits: those before the last `scale` ones, or a single 0.
        int integerDigits = n - scale;
        if (integerDigits <= 0) {
            h = (h ^ '0') * PRIME;
        } else {
            h = RowHash.fnv1a64(h, digits, start, integerDigits);
        }
        if (scale > 0) {
            h = (h ^ '.') * PRIME;
            for (int zeros = scale - n; zeros > 0; zeros--) {
                h = (h ^ '0') * PRIME;
            }
            int fractionDigits = Math.min(n, scale);
            h = RowHash.fnv1a64(h, digits, digits.length - fractionDigits, fractionDigits);
        }
        return this;
    }

    private void appendMagnitude(long value) {
        int n = magnitudeDigits(value);
        h = RowHash.fnv1a64(h, digits, digits.length - n, n);
    }

    /**
     * Writes the decimal digits of {@code |value|} at the end of {@link #digits}; returns how many.
     */
    private int magnitudeDigits(long value) {
        byte[] d = digits;
        int at = d.length;
        // Work with the negative magnitude: it also holds Long.MIN_VALUE.
        long v = value < 0 ? value : -value;
        do {
            long q = v / 10;
            d[--at] = (byte) ('0' + (q * 10 - v));
            v = q;
        } while (v != 0);
        return d.length - at;
    }
}
