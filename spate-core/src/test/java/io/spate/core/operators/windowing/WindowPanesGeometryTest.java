package io.spate.core.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.functions.ReduceFunction;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.graph.WindowOperatorSpec;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.GlobalWindows;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.CountEvictor;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.spate.api.windowing.triggers.CountTrigger;
import io.spate.api.windowing.triggers.EventTimeTrigger;
import io.spate.api.windowing.triggers.PurgingTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Which window operators keep panes (ADR 0007): aligned time windows with incremental contents and
 * the assigner's own trigger, no evictor; everything else stays on the general path.
 */
class WindowPanesGeometryTest {
    private static final WindowOperatorSpec.Contents REDUCE =
            new WindowOperatorSpec.Reduce((ReduceFunction<Long>) Long::sum, Types.LONG);
    private static final WindowOperatorSpec.Contents AGGREGATE =
            new WindowOperatorSpec.Aggregate(new Count(), Types.LONG);
    private static final WindowOperatorSpec.Contents ELEMENTS =
            new WindowOperatorSpec.Elements(Types.LONG);

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static WindowOperatorSpec spec(
            WindowAssigner<?, ?> assigner,
            Trigger<?, ?> trigger,
            Evictor<?, ?> evictor,
            WindowOperatorSpec.Contents contents) {
        return new WindowOperatorSpec(assigner, trigger, evictor, 0, null, contents, null);
    }

    private static WindowOperatorSpec spec(
            WindowAssigner<?, ?> assigner, WindowOperatorSpec.Contents contents) {
        return spec(assigner, assigner.getDefaultTrigger(), null, contents);
    }

    @Test
    void slidingEventTimeWindowsWhoseSizeIsAMultipleOfTheSlideKeepPanesOfOneSlide() {
        var sliding = SlidingEventTimeWindows.of(ms(10_000), ms(2_000), ms(-500));
        assertThat(WindowPanes.geometryOf(spec(sliding, AGGREGATE)))
                .isEqualTo(new WindowPanes.Geometry(10_000, 2_000, -500));
        assertThat(WindowPanes.geometryOf(spec(sliding, REDUCE))).isNotNull();
        assertThat(WindowPanes.geometryOf(spec(sliding, REDUCE)).panesAreWindows()).isFalse();
        assertThat(
                        WindowPanes.geometryOf(
                                spec(SlidingEventTimeWindows.of(ms(10), ms(3)), AGGREGATE)))
                .isNull();
        assertThat(
                        WindowPanes.geometryOf(
                                spec(SlidingEventTimeWindows.of(ms(2), ms(5)), AGGREGATE)))
                .isNull();
    }

    @Test
    void tumblingWindowsAreTheirOwnPanes() {
        var eventTime = WindowPanes.geometryOf(spec(TumblingEventTimeWindows.of(ms(7)), REDUCE));
        assertThat(eventTime).isEqualTo(new WindowPanes.Geometry(7, 7, 0));
        assertThat(eventTime.panesAreWindows()).isTrue();
        assertThat(
                        WindowPanes.geometryOf(
                                spec(TumblingProcessingTimeWindows.of(ms(7), ms(2)), AGGREGATE)))
                .isEqualTo(new WindowPanes.Geometry(7, 7, 2));
    }

    @Test
    void everythingElseStaysOnTheGeneralPath() {
        var sliding = SlidingEventTimeWindows.of(ms(10), ms(5));
        assertThat(WindowPanes.geometryOf(spec(sliding, ELEMENTS))).isNull();
        assertThat(
                        WindowPanes.geometryOf(
                                spec(sliding, CountTrigger.<TimeWindow>of(3), null, REDUCE)))
                .isNull();
        assertThat(
                        WindowPanes.geometryOf(
                                spec(
                                        sliding,
                                        PurgingTrigger.of(EventTimeTrigger.<TimeWindow>create()),
                                        null,
                                        REDUCE)))
                .isNull();
        assertThat(
                        WindowPanes.geometryOf(
                                spec(
                                        sliding,
                                        ContinuousEventTimeTrigger.<TimeWindow>of(ms(1)),
                                        null,
                                        AGGREGATE)))
                .isNull();
        assertThat(
                        WindowPanes.geometryOf(
                                spec(
                                        sliding,
                                        sliding.getDefaultTrigger(),
                                        CountEvictor.<TimeWindow>of(2),
                                        ELEMENTS)))
                .isNull();
        assertThat(
                        WindowPanes.geometryOf(
                                spec(SlidingProcessingTimeWindows.of(ms(10), ms(5)), REDUCE)))
                .isNull();
        assertThat(WindowPanes.geometryOf(spec(EventTimeSessionWindows.withGap(ms(5)), REDUCE)))
                .isNull();
        assertThat(WindowPanes.geometryOf(spec(GlobalWindows.create(), REDUCE))).isNull();
    }

    /** Counts elements. */
    static final class Count implements AggregateFunction<Long, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }
}
