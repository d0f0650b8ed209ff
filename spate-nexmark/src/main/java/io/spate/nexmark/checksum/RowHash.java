package io.spate.nexmark.checksum;

import io.spate.annotations.Public;
import io.spate.nexmark.generator.SplitMix64;

/**
 * The row hash of SPEC §7.2: {@code mix64(fnv1a64(UTF-8 bytes of the rendered row))}, where a row
 * is rendered as its columns joined by {@code |} (SPEC §7.1).
 *
 * <p>These static methods hash a whole row given as text. To hash a row column by column without
 * building its text, use a {@link RowHasher}: both give the same value for the same row.
 */
@Public
public final class RowHash {
    /** The FNV-1a 64-bit offset basis: the hash of no bytes. */
    public static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;

    /** The FNV-1a 64-bit prime. */
    public static final long FNV_PRIME = 0x100000001b3L;

    private RowHash() {}

    /** The row hash of {@code row}, the text of a rendered row. */
    public static long of(CharSequence row) {
        return SplitMix64.mix64(fnv1a64(FNV_OFFSET_BASIS, row));
    }

    /** FNV-1a over {@code bytes} (SPEC §7.2, without the final {@code mix64}). */
    public static long fnv1a64(byte[] bytes) {
        return fnv1a64(FNV_OFFSET_BASIS, bytes, 0, bytes.length);
    }

    /** Continues FNV-1a hash {@code h} over {@code bytes[from, from + length)}. */
    public static long fnv1a64(long h, byte[] bytes, int from, int length) {
        int end = from + length;
        for (int i = from; i < end; i++) {
            h = (h ^ (bytes[i] & 0xFF)) * FNV_PRIME;
        }
        return h;
    }

    /**
     * Continues FNV-1a hash {@code h} over the UTF-8 encoding of {@code text}, exactly as over
     * {@code text.toString().getBytes(UTF_8)} (an unpaired surrogate is encoded as {@code ?}), but
     * without creating the bytes.
     */
    public static long fnv1a64(long h, CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                h = (h ^ c) * FNV_PRIME;
            } else if (c < 0x800) {
                h = (h ^ (0xC0 | (c >> 6))) * FNV_PRIME;
                h = (h ^ (0x80 | (c & 0x3F))) * FNV_PRIME;
            } else if (!Character.isSurrogate(c)) {
                h = (h ^ (0xE0 | (c >> 12))) * FNV_PRIME;
                h = (h ^ (0x80 | ((c >> 6) & 0x3F))) * FNV_PRIME;
                h = (h ^ (0x80 | (c & 0x3F))) * FNV_PRIME;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < length
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                h = (h ^ (0xF0 | (cp >> 18))) * FNV_PRIME;
                h = (h ^ (0x80 | ((cp >> 12) & 0x3F))) * FNV_PRIME;
                h = (h ^ (0x80 | ((cp >> 6) & 0x3F))) * FNV_PRIME;
                h = (h ^ (0x80 | (cp & 0x3F))) * FNV_PRIME;
            } else {
                h = (h ^ '?') * FNV_PRIME;
            }
        }
        return h;
    }

    /** {@code value} as 16 lowercase hexadecimal digits, as SPEC §7.3 reports checksums. */
    public static String hex(long value) {
        char[] digits = new char[16];
        for (int i = 15; i >= 0; i--) {
            digits[i] = Character.forDigit((int) (value & 0xF), 16);
            value >>>= 4;
        }
        return new String(digits);
    }
}
