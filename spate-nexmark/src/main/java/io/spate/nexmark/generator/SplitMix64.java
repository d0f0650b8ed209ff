package io.spate.nexmark.generator;

import io.spate.annotations.Public;

/**
 * The SplitMix64 generator of SPEC §2: one 64-bit word of state, advanced by a fixed odd constant
 * and scrambled by {@link #mix64}. Every value of the Nexmark data set is drawn from one of these,
 * through {@link #below}; there is no floating point anywhere, so the draws are the same on every
 * platform and in every language.
 *
 * <p>Mutable and not thread-safe: the generator keeps one instance and re-seeds it per event
 * ({@link #setState}) instead of allocating one.
 */
@Public
public final class SplitMix64 {
    /** The increment of the state per draw (the golden ratio as a 64-bit fraction). */
    public static final long GAMMA = 0x9E3779B97F4A7C15L;

    private static final long M1 = 0xBF58476D1CE4E5B9L;
    private static final long M2 = 0x94D049BB133111EBL;

    private long state;

    /** A generator whose state is {@code state}; its first draw is {@code mix64(state + GAMMA)}. */
    public SplitMix64(long state) {
        this.state = state;
    }

    /**
     * The SplitMix64 finaliser: a bijection of 64-bit words that spreads every input bit over the
     * whole output. Also the last step of the row hash (SPEC §7.2).
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * M1;
        z = (z ^ (z >>> 27)) * M2;
        return z ^ (z >>> 31);
    }

    /** The current state. */
    public long state() {
        return state;
    }

    /** Sets the state, as if the generator were new. */
    public void setState(long state) {
        this.state = state;
    }

    /** The next 64 random bits. */
    public long next() {
        state += GAMMA;
        return mix64(state);
    }

    /**
     * A number in {@code [0, n)} from the top 32 bits of one {@link #next} (SPEC §2.2): {@code
     * ((next() >>> 32) * n) >>> 32}. Exactly one draw, whatever {@code n}.
     *
     * @param n the bound, {@code 1 <= n <= 2^31}; not checked on this hot path
     */
    public long below(long n) {
        // u < 2^32 and n <= 2^31, so the product stays below 2^63: no unsigned arithmetic needed.
        return ((next() >>> 32) * n) >>> 32;
    }

    /** {@link #below} for bounds that fit an int, as an int. */
    public int belowInt(int n) {
        return (int) below(n);
    }
}
