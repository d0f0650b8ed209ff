package io.spate.common;

import io.spate.annotations.Public;
import java.io.Serializable;
import java.util.UUID;

/** Identifies one submitted job for its whole life, across restarts. */
@Public
public final class JobId implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long high;
    private final long low;

    public JobId(long high, long low) {
        this.high = high;
        this.low = low;
    }

    public static JobId random() {
        UUID uuid = UUID.randomUUID();
        return new JobId(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
    }

    /** Reads the 32-hex-digit form that {@link #toString()} writes. */
    public static JobId parse(String text) {
        String s = text.trim();
        if (s.length() != 32) {
            throw new IllegalArgumentException(
                    "A job id has 32 hex digits, '" + text + "' has " + s.length() + " characters");
        }
        // Checked here because Long.parseUnsignedLong also takes a sign and non-ASCII digits.
        for (int i = 0; i < s.length(); i++) {
            if (!isHexDigit(s.charAt(i))) {
                throw new IllegalArgumentException(
                        "'" + text + "' is not a job id (hex digits only)");
            }
        }
        return new JobId(
                Long.parseUnsignedLong(s.substring(0, 16), 16),
                Long.parseUnsignedLong(s.substring(16), 16));
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    public long high() {
        return high;
    }

    public long low() {
        return low;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobId && ((JobId) o).high == high && ((JobId) o).low == low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high * 31 + low);
    }

    @Override
    public String toString() {
        return hex16(high) + hex16(low);
    }

    private static String hex16(long v) {
        String s = Long.toHexString(v);
        return "0".repeat(16 - s.length()) + s;
    }
}
