package io.spate.nexmark.checksum;

/** PLACEHOLDER until the generator branch's row hash arrives. */
public final class RowHash {
    private RowHash() {}

    public static long of(CharSequence row) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < row.length(); i++) {
            h ^= row.charAt(i) & 0xff;
            h *= 0x100000001b3L;
        }
        return mix64(h);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
