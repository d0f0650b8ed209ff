package io.spate.api.common.eventtime;

import io.spate.annotations.Public;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How a stream's records get their event time and how event time progresses: a timestamp assigner,
 * a watermark generator, and how long an input may stay silent before it counts as idle.
 *
 * <pre>{@code
 * WatermarkStrategy.<Order>forBoundedOutOfOrderness(Duration.ofSeconds(5))
 *         .withTimestampAssigner((order, ts) -> order.time())
 * }</pre>
 *
 * <p><b>Idleness is on by default</b>: an input (a source split, or a whole source subtask) that
 * emits nothing for the idle timeout ({@code pipeline.watermark-idle-timeout}, 30 s unless the
 * strategy says otherwise) stops holding back the watermark of the operators downstream, and joins
 * again when it emits. {@link #withoutIdleness()} turns this off.
 *
 * @param <T> the record type
 */
@Public
public final class WatermarkStrategy<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final WatermarkGeneratorSupplier<T> generator;
    private final TimestampAssigner<T> assigner;
    private final Duration idleTimeout;
    private final boolean idlenessDisabled;

    private WatermarkStrategy(
            WatermarkGeneratorSupplier<T> generator,
            TimestampAssigner<T> assigner,
            Duration idleTimeout,
            boolean idlenessDisabled) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.assigner = assigner;
        this.idleTimeout = idleTimeout;
        this.idlenessDisabled = idlenessDisabled;
    }

    /** Watermarks that trail the highest timestamp seen by {@code maxOutOfOrderness}. */
    public static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
        return new WatermarkStrategy<>(
                () -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness), null, null, false);
    }

    /** For timestamps that never decrease: the watermark follows the highest timestamp seen. */
    public static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return forBoundedOutOfOrderness(Duration.ZERO);
    }

    /** Watermarks from a generator of your own (periodic, punctuated, or both). */
    public static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> supplier) {
        return new WatermarkStrategy<>(supplier, null, null, false);
    }

    /** No watermarks at all: event time never progresses (until a bounded input ends). */
    public static <T> WatermarkStrategy<T> noWatermarks() {
        return new WatermarkStrategy<>(new NoWatermarksSupplier<>(), null, null, true);
    }

    /** The same strategy, taking each record's event time from {@code assigner}. */
    public WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
        return new WatermarkStrategy<>(
                generator,
                Objects.requireNonNull(assigner, "assigner"),
                idleTimeout,
                idlenessDisabled);
    }

    /** The same strategy with an idle timeout of {@code timeout}. */
    public WatermarkStrategy<T> withIdleness(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The idle timeout must be positive, was " + timeout);
        }
        return new WatermarkStrategy<>(generator, assigner, timeout, false);
    }

    /** The same strategy without idleness: a silent input holds the watermark back forever. */
    public WatermarkStrategy<T> withoutIdleness() {
        return new WatermarkStrategy<>(generator, assigner, null, true);
    }

    public WatermarkGenerator<T> createWatermarkGenerator() {
        return generator.createWatermarkGenerator();
    }

    /** The assigner, or {@code null} to keep the timestamps records already carry. */
    public TimestampAssigner<T> getTimestampAssigner() {
        return assigner;
    }

    /** The idle timeout given with {@link #withIdleness}, or {@code null} for the default. */
    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public boolean isIdlenessDisabled() {
        return idlenessDisabled;
    }

    /**
     * Whether this strategy never produces watermarks nor assigns timestamps, so that a source can
     * skip event-time bookkeeping entirely.
     */
    public boolean isNoWatermarks() {
        return assigner == null && generator instanceof NoWatermarksSupplier;
    }

    /** Supplies {@link NoWatermarks}; a class of its own so that it can be recognised. */
    private static final class NoWatermarksSupplier<T> implements WatermarkGeneratorSupplier<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public WatermarkGenerator<T> createWatermarkGenerator() {
            return new NoWatermarks<>();
        }
    }

    /** Emits no watermarks. */
    private static final class NoWatermarks<T> implements WatermarkGenerator<T> {
        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }
}
