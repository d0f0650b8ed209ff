package io.spate.api.datastream;

import io.spate.annotations.Public;
import java.time.Duration;
import java.util.Objects;

/**
 * The first step of an interval join of two keyed streams ({@code left.intervalJoin(right)}): say
 * which right elements each left element meets with {@link #between}.
 *
 * @param <T1> the left stream's type
 * @param <T2> the right stream's type
 * @param <K> the key type
 */
@Public
public class IntervalJoin<T1, T2, K> {
    private final KeyedStream<T1, K> left;
    private final KeyedStream<T2, K> right;

    protected IntervalJoin(KeyedStream<T1, K> left, KeyedStream<T2, K> right) {
        this.left = Objects.requireNonNull(left, "left");
        this.right = Objects.requireNonNull(right, "right");
    }

    /**
     * Joins each left element at time {@code t} with the right elements of the same key whose
     * timestamps lie in {@code [t + lowerBound, t + upperBound]}, in event time. The bounds may be
     * negative; both are inclusive unless made exclusive on the result.
     *
     * @throws IllegalArgumentException when {@code lowerBound > upperBound}
     */
    public IntervalJoined<T1, T2, K> between(Duration lowerBound, Duration upperBound) {
        Objects.requireNonNull(lowerBound, "lowerBound");
        Objects.requireNonNull(upperBound, "upperBound");
        if (lowerBound.compareTo(upperBound) > 0) {
            throw new IllegalArgumentException(
                    "An interval join needs lowerBound <= upperBound, but lowerBound is "
                            + lowerBound
                            + " and upperBound is "
                            + upperBound
                            + ": a left element at t joins the right elements with timestamps in"
                            + " [t + lowerBound, t + upperBound]");
        }
        return new IntervalJoined<>(left, right, lowerBound.toMillis(), upperBound.toMillis());
    }
}
