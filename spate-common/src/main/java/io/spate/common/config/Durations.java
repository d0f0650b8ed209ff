package io.spate.common.config;

import java.time.Duration;
import java.util.Locale;

/** Reads and writes durations the way people type them: {@code 500ms}, {@code 2s}, {@code 5min}. */
public final class Durations {
    private Durations() {}

    /**
     * Parses a number followed by a unit: {@code ns}, {@code us}, {@code ms}, {@code s}, {@code
     * min} (or {@code m}), {@code h}, {@code d}. A bare number means milliseconds.
     */
    public static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; write it like 500ms, 2s or 5min");
        }
        String unit = s.substring(i).trim();
        try {
            return of(Long.parseLong(s.substring(0, i)), unit, text);
        } catch (NumberFormatException | ArithmeticException e) {
            // The digits do not fit a long, or the amount does not fit a Duration in this unit.
            throw new IllegalArgumentException("'" + text + "' is too large for a duration", e);
        }
    }

    private static Duration of(long amount, String unit, String text) {
        switch (unit) {
            case "":
            case "ms":
                return Duration.ofMillis(amount);
            case "ns":
                return Duration.ofNanos(amount);
            case "us":
                return Duration.ofNanos(Math.multiplyExact(amount, 1000L));
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
            case "min":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            case "d":
                return Duration.ofDays(amount);
            default:
                throw new IllegalArgumentException(
                        "unknown unit '"
                                + unit
                                + "' in duration '"
                                + text
                                + "'; use ns, us, ms, s, min, h or d");
        }
    }

    /** The shortest exact form: {@code 1500ms}, {@code 2s}, {@code 5min}. */
    public static String format(Duration d) {
        // Works from seconds and nanos, not d.toNanos(), which overflows beyond 292 years.
        long seconds = d.getSeconds();
        int nanos = d.getNano();
        if (nanos % 1_000_000 != 0) {
            long total = d.toNanos();
            return total % 1000 == 0 ? total / 1000 + "us" : total + "ns";
        }
        if (nanos != 0 || seconds == 0) {
            return d.toMillis() + "ms";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "min";
        }
        return seconds + "s";
    }
}
