package io.spate.tests.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.GlobalWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.spate.api.windowing.functions.ProcessWindowFunction;
import io.spate.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.spate.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import io.spate.api.windowing.triggers.CountTrigger;
import io.spate.api.windowing.triggers.EventTimeTrigger;
import io.spate.api.windowing.triggers.PurgingTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.triggers.TriggerResult;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.api.windowing.windows.Window;
import io.spate.tests.windowing.WindowOperatorTest.Describe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every built-in trigger, and a custom one, driven through the window operator. */
class TriggersTest {

    @Test
    void eventTimeTriggerFiresOnceTheWatermarkPassesTheWindowsEnd() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                                        .trigger(EventTimeTrigger.create())
                                        .process(new Describe<>()))) {
            w.element(1L, 1);
            w.element(2L, 9);
            w.watermark(8);
            assertThat(w.take()).isEmpty();
            w.watermark(9);
            assertThat(w.takeWithTimestamps()).containsExactly("[0, 10)=[1, 2]@9");
            assertThat(w.stateEntries()).isZero();
        }
    }

    @Test
    void processingTimeTriggerFiresWhenTheClockPassesTheWindowsEnd() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(
                                                TumblingProcessingTimeWindows.of(
                                                        Duration.ofMillis(10)))
                                        .process(new Describe<>()))) {
            w.element(1L, 500); // the element's timestamp plays no part
            w.h.advanceProcessingTime(Duration.ofMillis(4));
            w.element(2L, -7);
            w.h.advanceProcessingTime(Duration.ofMillis(4));
            assertThat(w.take()).isEmpty();
            w.h.advanceProcessingTime(Duration.ofMillis(1)); // clock at 9 = the window's max
            assertThat(w.takeWithTimestamps()).containsExactly("[0, 10)=[1, 2]@9");
            w.h.advanceProcessingTime(Duration.ofMillis(1));
            w.element(3L, 0); // at 10: the next window
            w.h.advanceProcessingTime(Duration.ofMillis(100));
            assertThat(w.takeWithTimestamps()).containsExactly("[10, 20)=[3]@19");
            w.watermark(0); // samples the state size
            assertThat(w.stateEntries()).isZero();
        }
    }

    @Test
    void countTriggerFiresEveryNElementsAndKeepsTheContents() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(GlobalWindows.create())
                                        .trigger(CountTrigger.of(2))
                                        .process(new Elements<>()))) {
            for (long i = 1; i <= 5; i++) {
                w.element(i, i);
            }
            assertThat(w.take()).containsExactly("[1, 2]", "[1, 2, 3, 4]");
        }
    }

    @Test
    void purgingTriggerDropsTheContentsWhenItFires() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(GlobalWindows.create())
                                        .trigger(PurgingTrigger.of(CountTrigger.of(2)))
                                        .process(new Elements<>()))) {
            for (long i = 1; i <= 5; i++) {
                w.element(i, i);
            }
            w.watermark(Long.MAX_VALUE);
            // The incomplete last window never fires, and a global window never ends.
            assertThat(w.take()).containsExactly("[1, 2]", "[3, 4]");
            assertThat(w.stateEntries()).isEqualTo(2); // element 5, and its count
        }
    }

    @Test
    void globalWindowsWithTheirDefaultTriggerNeverFire() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(GlobalWindows.create())
                                        .process(new Elements<>()))) {
            w.element(1L, 1);
            w.watermark(Long.MAX_VALUE);
            assertThat(w.take()).isEmpty();
        }
    }

    @Test
    void aCountTriggerOnTimeWindowsLeavesNoCountBehindAtCleanup() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                                        .trigger(CountTrigger.of(2))
                                        .process(new Elements<>()))) {
            w.element(1L, 1);
            w.element(2L, 2);
            w.element(3L, 3);
            w.watermark(5);
            assertThat(w.take()).containsExactly("[1, 2]");
            assertThat(w.stateEntries()).isEqualTo(2); // three elements, one pending count
            w.watermark(9); // the window's cleanup: never fired by time, but cleared
            assertThat(w.take()).isEmpty();
            assertThat(w.stateEntries()).isZero();
        }
    }

    @Test
    void continuousEventTimeTriggerFiresEveryIntervalAndAtTheEnd() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(20)))
                                        .trigger(
                                                ContinuousEventTimeTrigger.of(Duration.ofMillis(5)))
                                        .process(new Elements<>()))) {
            w.element(1L, 1);
            w.element(7L, 7);
            w.watermark(4);
            assertThat(w.take()).isEmpty();
            w.watermark(9); // fires at 5
            assertThat(w.take()).containsExactly("[1, 7]");
            w.element(12L, 12);
            w.watermark(14); // fires at 10
            assertThat(w.take()).containsExactly("[1, 7, 12]");
            w.watermark(19); // fires at 15, and at the window's end
            assertThat(w.takeWithTimestamps()).containsExactly("[1, 7, 12]@19", "[1, 7, 12]@19");
            assertThat(w.stateEntries()).isZero();
        }
    }

    @Test
    void continuousProcessingTimeTriggerFiresEveryIntervalOfTheClock() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(GlobalWindows.create())
                                        .trigger(
                                                ContinuousProcessingTimeTrigger.of(
                                                        Duration.ofMillis(5)))
                                        .process(new Elements<>()))) {
            w.h.advanceProcessingTime(Duration.ofMillis(2));
            w.element(1L, 0);
            w.h.advanceProcessingTime(Duration.ofMillis(2));
            assertThat(w.take()).isEmpty();
            w.h.advanceProcessingTime(Duration.ofMillis(1)); // 5
            assertThat(w.take()).containsExactly("[1]");
            w.element(2L, 0);
            w.h.advanceProcessingTime(Duration.ofMillis(5)); // 10
            assertThat(w.take()).containsExactly("[1, 2]");
            w.h.advanceProcessingTime(Duration.ofMillis(5)); // 15: still firing, unchanged
            assertThat(w.take()).containsExactly("[1, 2]");
        }
    }

    @Test
    void aCustomTriggerWithStateTimersFireAndPurge() throws Exception {
        try (var w =
                WindowHarness.of(
                        Types.LONG,
                        s ->
                                s.keyBy(v -> 0)
                                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                                        .trigger(new BigOrTimeout())
                                        .process(new Elements<>()))) {
            w.element(1L, 0);
            w.element(2L, 1);
            w.watermark(5); // the timeout of 1 purges without firing
            w.element(3L, 10);
            w.element(100L, 11); // the 4th element: fires and purges
            w.element(4L, 20);
            w.watermark(99); // purges 4 on its timeout; the window then ends with nothing left
            assertThat(w.take()).containsExactly("[3, 100]");
            assertThat(w.stateEntries()).isZero();
        }
    }

    @Test
    void sessionsNeedATriggerThatCanMerge() {
        var env = StreamExecutionEnvironment.createLocalEnvironment(1);
        var windowed =
                env.fromElements(1L)
                        .keyBy(v -> 0)
                        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(5)));
        assertThatThrownBy(() -> windowed.trigger(new BigOrTimeout()))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("cannot merge windows");
    }

    /** "[elements]" of each firing. */
    static final class Elements<T, K, W extends Window>
            extends ProcessWindowFunction<T, String, K, W> {
        @Override
        public void process(K key, Context ctx, Iterable<T> elements, Collector<String> out) {
            List<T> all = new ArrayList<>();
            elements.forEach(all::add);
            out.collect(all.toString());
        }
    }

    /**
     * Fires and purges on an element of 100 or more; otherwise purges (without firing) 5 ms of
     * event time after each element. Counts the elements of the window in its state.
     */
    static final class BigOrTimeout extends Trigger<Long, TimeWindow> {
        private static final ValueStateDescriptor<Long> SEEN =
                new ValueStateDescriptor<>("seen", Types.LONG);

        @Override
        public TriggerResult onElement(Long element, long ts, TimeWindow window, TriggerContext ctx)
                throws Exception {
            ValueState<Long> seen = ctx.getPartitionedState(SEEN);
            seen.update(seen.value() == null ? 1 : seen.value() + 1);
            if (element >= 100) {
                assertThat(seen.value()).isEqualTo(4);
                return TriggerResult.FIRE_AND_PURGE;
            }
            ctx.registerEventTimeTimer(ts + 5);
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
            return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.PURGE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {
            // The operator removes the "seen" state of the window itself.
        }
    }
}
