package io.spate.tests.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.IntervalJoined;
import io.spate.api.datastream.OutputTag;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.execution.OperatorException;
import io.spate.api.functions.co.ProcessJoinFunction;
import io.spate.testutils.OperatorTestHarness.Record;
import io.spate.testutils.TwoInputOperatorTestHarness;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The interval join operator, driven call by call with each input fed on its own: which pairs it
 * produces for inclusive, exclusive, negative and positive bounds, whatever the order of arrival;
 * the timestamps it gives them; late elements; and that its buffers empty as the watermark passes.
 */
class IntervalJoinOperatorTest {
    static final TypeInfo<Tick> TICK = TypeInfo.of(Tick.class);
    static final OutputTag<String> RIGHT_FIRST = new OutputTag<>("right-first") {};

    private static TwoInputOperatorTestHarness<Tick, Tick, String> join(
            Function<IntervalJoined<Tick, Tick, Integer>, IntervalJoined<Tick, Tick, Integer>>
                    exclusivity,
            long lower,
            long upper)
            throws Exception {
        return TwoInputOperatorTestHarness.of(
                TICK,
                TICK,
                (DataStream<Tick> left, DataStream<Tick> right) ->
                        joined(left, right, exclusivity, lower, upper),
                RIGHT_FIRST);
    }

    private static SingleOutputStreamOperator<String> joined(
            DataStream<Tick> left,
            DataStream<Tick> right,
            Function<IntervalJoined<Tick, Tick, Integer>, IntervalJoined<Tick, Tick, Integer>>
                    exclusivity,
            long lower,
            long upper) {
        return exclusivity
                .apply(
                        left.keyBy(Tick::key)
                                .intervalJoin(right.keyBy(Tick::key))
                                .between(Duration.ofMillis(lower), Duration.ofMillis(upper)))
                .process(new Pair())
                .name("Join");
    }

    private static TwoInputOperatorTestHarness<Tick, Tick, String> inclusive(long lower, long upper)
            throws Exception {
        return join(j -> j, lower, upper);
    }

    private static void left(TwoInputOperatorTestHarness<Tick, Tick, String> h, int key, long time)
            throws Exception {
        h.processElement1(new Tick(key, time, "L" + time), time);
    }

    private static void right(TwoInputOperatorTestHarness<Tick, Tick, String> h, int key, long time)
            throws Exception {
        h.processElement2(new Tick(key, time, "R" + time), time);
    }

    /** Rights around a left at 10, some before and some after it. */
    private static void rightsAroundALeftAt10(TwoInputOperatorTestHarness<Tick, Tick, String> h)
            throws Exception {
        for (long t = 4; t <= 9; t++) {
            right(h, 1, t);
        }
        left(h, 1, 10);
        for (long t = 10; t <= 16; t++) {
            right(h, 1, t);
        }
        right(h, 2, 10); // another key: never joins
    }

    @Test
    void inclusiveBoundsJoinTheRightsFromLowerToUpperWhicheverArrivesFirst() throws Exception {
        try (var h = inclusive(-2, 3)) {
            rightsAroundALeftAt10(h);
            h.endInput();
            assertThat(h.getOutputValues())
                    .containsExactlyInAnyOrder(
                            "L10+R8", "L10+R9", "L10+R10", "L10+R11", "L10+R12", "L10+R13");
        }
    }

    @Test
    void exclusiveBoundsLeaveOutTheirEnds() throws Exception {
        try (var h = join(j -> j.lowerBoundExclusive().upperBoundExclusive(), -2, 3)) {
            rightsAroundALeftAt10(h);
            h.endInput();
            assertThat(h.getOutputValues())
                    .containsExactlyInAnyOrder("L10+R9", "L10+R10", "L10+R11", "L10+R12");
        }
        try (var h = join(IntervalJoined::lowerBoundExclusive, -2, 3)) {
            rightsAroundALeftAt10(h);
            h.endInput();
            assertThat(h.getOutputValues())
                    .containsExactlyInAnyOrder(
                            "L10+R9", "L10+R10", "L10+R11", "L10+R12", "L10+R13");
        }
        try (var h = join(IntervalJoined::upperBoundExclusive, -2, 3)) {
            rightsAroundALeftAt10(h);
            h.endInput();
            assertThat(h.getOutputValues())
                    .containsExactlyInAnyOrder("L10+R8", "L10+R9", "L10+R10", "L10+R11", "L10+R12");
        }
    }

    @Test
    void boundsMayBothBeNegativeOrBothPositive() throws Exception {
        try (var h = inclusive(-5, -3)) {
            rightsAroundALeftAt10(h);
            h.endInput();
            assertThat(h.getOutputValues()).containsExactlyInAnyOrder("L10+R5", "L10+R6", "L10+R7");
        }
        try (var h = inclusive(4, 6)) {
            rightsAroundALeftAt10(h);
            h.endInput();
            assertThat(h.getOutputValues())
                    .containsExactlyInAnyOrder("L10+R14", "L10+R15", "L10+R16");
        }
        try (var h = inclusive(0, 0)) {
            rightsAroundALeftAt10(h);
            h.endInput();
            assertThat(h.getOutputValues()).containsExactly("L10+R10");
        }
    }

    @Test
    void pairsCarryTheLaterTimestampAndTheContextKnowsBoth() throws Exception {
        try (var h = inclusive(-5, 5)) {
            right(h, 1, 7);
            left(h, 1, 10);
            right(h, 1, 12);
            left(h, 1, 10); // a second left at the same time joins both rights too
            h.endInput();
            assertThat(h.getOutput())
                    .containsExactlyInAnyOrder(
                            new Record<>("L10+R7", 10L),
                            new Record<>("L10+R12", 12L),
                            new Record<>("L10+R7", 10L),
                            new Record<>("L10+R12", 12L));
            assertThat(h.getSideOutput(RIGHT_FIRST))
                    .containsExactly(
                            new Record<>("R7 before L10", 10L), new Record<>("R7 before L10", 10L));
        }
    }

    @Test
    void lateElementsAreDroppedAndCounted() throws Exception {
        try (var h = inclusive(-100, 100)) {
            left(h, 1, 50);
            h.processWatermark(60);
            right(h, 1, 59); // behind the watermark: dropped
            left(h, 1, 10); // dropped
            right(h, 1, 60); // at the watermark: joins
            h.endInput();
            assertThat(h.getOutputValues()).containsExactly("L50+R60");
            assertThat(h.metrics().snapshot()).containsEntry("Join.numLateRecordsDropped", 2L);
        }
    }

    @Test
    void anElementAtExactlyTheWatermarkStillFindsItsPartners() throws Exception {
        try (var h = inclusive(0, 5)) {
            left(h, 1, 95); // can meet rights up to 100
            h.processWatermark(100);
            right(h, 1, 100);
            assertThat(h.getOutputValues()).containsExactly("L95+R100");
            h.processWatermark(101);
            right(h, 1, 101);
            assertThat(h.getOutputValues()).containsExactly("L95+R100");
        }
    }

    @Test
    void buffersAreRemovedOnceTheWatermarkPassesWhatCanStillJoin() throws Exception {
        try (var h = inclusive(-2, 3)) {
            left(h, 1, 10); // meets rights in [8, 13]: needed until the watermark passes 13
            right(h, 1, 10); // meets lefts in [7, 12]: needed until the watermark passes 12
            assertThat(h.numberOfKeyedStateEntries()).isEqualTo(2);
            h.processWatermark(12);
            assertThat(h.numberOfKeyedStateEntries()).isEqualTo(2);
            h.processWatermark(13);
            assertThat(h.numberOfKeyedStateEntries()).as("the right buffer is gone").isEqualTo(1);
            h.processWatermark(14);
            assertThat(h.numberOfKeyedStateEntries()).isZero();
            assertThat(h.getOutputValues()).containsExactly("L10+R10");
        }
    }

    @Test
    void theFinalWatermarkEmptiesEveryBuffer() throws Exception {
        try (var h = inclusive(-1000, 1000)) {
            for (int i = 0; i < 200; i++) {
                left(h, i % 7, i);
                right(h, i % 5, 2 * i);
            }
            assertThat(h.numberOfKeyedStateEntries()).isPositive();
            h.endInput();
            assertThat(h.numberOfKeyedStateEntries()).isZero();
        }
    }

    @Test
    void anElementWithoutATimestampFailsNamingTheJoin() throws Exception {
        try (var h = inclusive(-1, 1)) {
            assertThatThrownBy(() -> h.processElement2(new Tick(1, 0, "R"), Long.MIN_VALUE))
                    .isInstanceOf(OperatorException.class)
                    .hasMessageContaining("'Join'")
                    .rootCause()
                    .hasMessageContaining("right element without a timestamp")
                    .hasMessageContaining("WatermarkStrategy");
        }
    }

    @Test
    void theOutputTypeCanBeGivenExplicitly() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        TICK,
                        TICK,
                        (a, b) ->
                                a.keyBy(Tick::key)
                                        .intervalJoin(b.keyBy(Tick::key))
                                        .between(Duration.ZERO, Duration.ZERO)
                                        .process(new Timestamps(), Types.LONG))) {
            left(h, 3, 4);
            right(h, 3, 4);
            h.endInput();
            assertThat(h.getOutputValues()).containsExactly(8L);
        }
    }

    /** "L<left>+R<right>"; also a side output when the right element is the earlier one. */
    static final class Pair extends ProcessJoinFunction<Tick, Tick, String> {
        @Override
        public void processElement(Tick left, Tick right, Context ctx, Collector<String> out) {
            if (ctx.getLeftTimestamp() != left.time()
                    || ctx.getRightTimestamp() != right.time()
                    || ctx.getTimestamp() != Math.max(left.time(), right.time())) {
                throw new IllegalStateException("wrong timestamps in the context");
            }
            out.collect(left.id() + "+" + right.id());
            if (right.time() < left.time()) {
                ctx.output(RIGHT_FIRST, right.id() + " before " + left.id());
            }
        }
    }

    /** A raw type, so the output type must be given. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class Timestamps extends ProcessJoinFunction {
        @Override
        public void processElement(Object left, Object right, Context ctx, Collector out) {
            out.collect(ctx.getLeftTimestamp() + ctx.getRightTimestamp());
        }
    }
}
