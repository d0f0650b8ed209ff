package io.spate.tests.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.OutputTag;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.WindowedStream;
import io.spate.api.execution.ExecutionOptions;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.functions.ProcessWindowFunction;
import io.spate.api.windowing.triggers.EventTimeTrigger;
import io.spate.api.windowing.triggers.ProcessingTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.triggers.TriggerResult;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.testutils.OperatorTestHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Window panes (ADR 0007) change how the contents of aligned time windows are kept, not what comes
 * out: on random input with disorder, allowed lateness, late elements that fire windows again, and
 * snapshots restored in the middle, a window operator with panes emits exactly what the general
 * path emits — the same trigger wrapped so that panes do not apply — sends the same elements to the
 * late side output (or drops and counts them), and leaves no state after the final watermark. A
 * snapshot taken without panes restores into panes.
 */
class WindowPanesTest {
    private static final OutputTag<Ev> LATE = new OutputTag<>("late") {};
    private static final String[] KEYS = {"a", "b", "c"};

    @TempDir Path dir;
    private int snapshots;

    /** How the window operator keeps its contents. */
    enum Way {
        /** Panes, which apply to the job as written. */
        PANES,
        /** The general path: the job's trigger, wrapped so that panes do not apply. */
        GENERAL,
        /**
         * The job as written with {@code pipeline.window-panes: false}: the state of old
         * savepoints.
         */
        PANES_OFF
    }

    enum Kind {
        REDUCE,
        AGGREGATE
    }

    /** A window operator: its windows, contents and options. */
    record Job(
            long size,
            long slide,
            long offset,
            long lateness,
            Kind kind,
            boolean lateOutput,
            boolean tumblingAssigner,
            boolean processingTime) {

        static Job random(SplittableRandom r, boolean processingTime) {
            long slide = r.nextLong(1, 6);
            long size = processingTime ? slide : slide * r.nextLong(1, 5);
            return new Job(
                    size,
                    slide,
                    r.nextLong(-slide + 1, slide),
                    r.nextBoolean() ? 0 : r.nextLong(1, 3 * size + 1),
                    r.nextBoolean() ? Kind.REDUCE : Kind.AGGREGATE,
                    r.nextBoolean(),
                    size == slide && r.nextBoolean(),
                    processingTime);
        }

        private WindowAssigner<Object, TimeWindow> assigner() {
            Duration o = Duration.ofMillis(offset);
            if (processingTime) {
                return TumblingProcessingTimeWindows.of(Duration.ofMillis(size), o);
            }
            if (tumblingAssigner) {
                return TumblingEventTimeWindows.of(Duration.ofMillis(size), o);
            }
            return SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide), o);
        }

        Function<DataStream<Ev>, SingleOutputStreamOperator<String>> code(Way way) {
            return s -> {
                if (way == Way.PANES_OFF) {
                    s.getExecutionEnvironment()
                            .getConfiguration()
                            .set(ExecutionOptions.WINDOW_PANES, false);
                }
                WindowedStream<Ev, String, TimeWindow> w =
                        s.keyBy(Ev::key)
                                .window(assigner())
                                .allowedLateness(Duration.ofMillis(lateness));
                if (way == Way.GENERAL) {
                    w.trigger(
                            new SameAs(
                                    processingTime
                                            ? ProcessingTimeTrigger.create()
                                            : EventTimeTrigger.create()));
                }
                if (lateOutput) {
                    w.sideOutputLateData(LATE);
                }
                return kind == Kind.REDUCE
                        ? w.reduce(
                                (a, b) -> Ev.of(a.key(), a.value() + b.value()), new Describe<>())
                        : w.aggregate(new CountAndSum(), new Describe<>());
            };
        }

        /** When the earliest window of an element at {@code timestamp} is cleaned up. */
        long earliestCleanup(long timestamp) {
            long lastStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
            long earliestStart = lastStart - size + slide;
            return earliestStart + size - 1 + lateness;
        }
    }

    /** One side of a comparison: a harness that restarts from its snapshots. */
    private final class Run implements AutoCloseable {
        final Job job;
        Way way;
        WindowHarness<Ev, String> w;
        final List<OperatorTestHarness.Record<Ev>> late = new ArrayList<>();
        long dropped;

        Run(Job job, Way way) throws Exception {
            this.job = job;
            this.way = way;
            this.w = WindowHarness.of(Ev.TYPE, job.code(way), sides());
        }

        private OutputTag<?>[] sides() {
            return job.lateOutput ? new OutputTag<?>[] {LATE} : new OutputTag<?>[0];
        }

        /** Snapshots, closes, and goes on restored from the snapshot, with panes from now on. */
        void restart() throws Exception {
            OperatorTestHarness.Snapshot snapshot = w.h.snapshot(dir.resolve("s" + snapshots++));
            collectLate();
            w.close();
            way = way == Way.GENERAL ? Way.GENERAL : Way.PANES;
            w = WindowHarness.restore(snapshot, Ev.TYPE, job.code(way), sides());
        }

        private void collectLate() {
            if (job.lateOutput) {
                late.addAll(w.h.getSideOutput(LATE));
            } else {
                dropped += w.droppedLateRecords();
            }
        }

        List<String> take() {
            List<String> out = w.takeWithTimestamps();
            out.sort(null); // timers due together may fire in another order
            return out;
        }

        void finish() {
            collectLate();
        }

        @Override
        public void close() throws Exception {
            w.close();
        }
    }

    /** Feeds an element and runs until everything it emitted has come out. */
    private static void element(WindowHarness<Ev, String> w, Ev e, long timestamp)
            throws Exception {
        w.element(e, timestamp);
        w.h.advanceProcessingTime(Duration.ZERO);
    }

    @Test
    void panesEmitWhatTheGeneralPathEmitsOnRandomEventTimeInput() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int run = 0; run < 120; run++) {
            Job job = Job.random(random, false);
            boolean oldSavepoint = random.nextInt(3) == 0;
            try (Run general = new Run(job, Way.GENERAL);
                    Run panes = new Run(job, oldSavepoint ? Way.PANES_OFF : Way.PANES)) {
                compareOnEventTime(random, job, general, panes, "run " + run + ": " + job);
            }
        }
    }

    private void compareOnEventTime(
            SplittableRandom random, Job job, Run general, Run panes, String what)
            throws Exception {
        long now = random.nextLong(-50, 50);
        long watermark = Long.MIN_VALUE; // the highest watermark so far
        long operatorWatermark = Long.MIN_VALUE; // what the operators know since their restore
        int restarts = 0;
        int steps = random.nextInt(60, 200);
        for (int step = 0; step < steps; step++) {
            int c = random.nextInt(40);
            String at = what + ", step " + step;
            if (c < 28) {
                long ts = now + random.nextLong(-2 * job.size - job.lateness - 4, 4);
                // After a restore the watermark starts afresh: until it is back, the general path
                // takes elements for windows it had cleaned up into new windows (Flink does too),
                // which panes shared with later windows cannot do. Such elements are left out.
                if (operatorWatermark < watermark && job.earliestCleanup(ts) <= watermark) {
                    continue;
                }
                Ev e = Ev.of(KEYS[random.nextInt(KEYS.length)], random.nextLong(1, 100));
                element(general.w, e, ts);
                element(panes.w, e, ts);
                now += random.nextInt(3);
            } else if (c < 38) {
                watermark = Math.max(watermark, now - random.nextInt(8));
                operatorWatermark = watermark;
                general.w.watermark(watermark);
                panes.w.watermark(watermark);
            } else if (restarts < 3) {
                restarts++;
                general.restart();
                panes.restart();
                operatorWatermark = Long.MIN_VALUE;
                if (random.nextBoolean() && watermark > Long.MIN_VALUE) {
                    // A source may start again from an earlier watermark.
                    operatorWatermark = watermark - random.nextLong(1, 2 * job.size + 2);
                    general.w.watermark(operatorWatermark);
                    panes.w.watermark(operatorWatermark);
                }
            }
            assertThat(panes.take()).as(at).isEqualTo(general.take());
        }
        general.w.watermark(Long.MAX_VALUE);
        panes.w.watermark(Long.MAX_VALUE);
        assertThat(panes.take()).as(what + ", final watermark").isEqualTo(general.take());
        general.finish();
        panes.finish();
        assertThat(panes.late).as(what).isEqualTo(general.late);
        assertThat(panes.dropped).as(what).isEqualTo(general.dropped);
        assertThat(general.w.stateEntries()).as(what).isZero();
        assertThat(panes.w.stateEntries()).as(what).isZero();
    }

    @Test
    void tumblingProcessingTimePanesEmitWhatTheGeneralPathEmits() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        for (int run = 0; run < 40; run++) {
            Job job = Job.random(random, true);
            String what = "run " + run + ": " + job;
            try (Run general = new Run(job, Way.GENERAL);
                    Run panes = new Run(job, random.nextBoolean() ? Way.PANES_OFF : Way.PANES)) {
                int restarts = 0;
                for (int step = 0; step < 100; step++) {
                    int c = random.nextInt(20);
                    if (c < 14) {
                        Ev e = Ev.of(KEYS[random.nextInt(KEYS.length)], random.nextLong(1, 100));
                        general.w.h.processElement(e);
                        panes.w.h.processElement(e);
                        general.w.h.advanceProcessingTime(Duration.ZERO);
                        panes.w.h.advanceProcessingTime(Duration.ZERO);
                    } else if (c < 19) {
                        Duration d = Duration.ofMillis(random.nextInt(4));
                        general.w.h.advanceProcessingTime(d);
                        panes.w.h.advanceProcessingTime(d);
                    } else if (restarts++ < 3) {
                        general.restart();
                        panes.restart();
                    }
                    assertThat(panes.take()).as(what + ", step " + step).isEqualTo(general.take());
                }
                general.w.h.advanceProcessingTime(Duration.ofMillis(job.size + 1));
                panes.w.h.advanceProcessingTime(Duration.ofMillis(job.size + 1));
                assertThat(panes.take()).as(what).isEqualTo(general.take());
                general.w.watermark(0); // samples the state size
                panes.w.watermark(0);
                assertThat(panes.w.stateEntries()).as(what).isZero();
                assertThat(general.w.stateEntries()).as(what).isZero();
            }
        }
    }

    @Test
    void aSavepointTakenWithoutPanesRestoresIntoPanes() throws Exception {
        // Windows of 6 ms every 2 ms, with 4 ms of allowed lateness.
        Job job = new Job(6, 2, 0, 4, Kind.AGGREGATE, true, false, false);
        try (Run run = new Run(job, Way.PANES_OFF)) {
            WindowHarness<Ev, String> before = run.w;
            element(before, Ev.of("a", 1), 1);
            element(before, Ev.of("a", 2), 4);
            element(before, Ev.of("b", 3), 5);
            before.watermark(5);
            assertThat(before.takeWithTimestamps())
                    .containsExactly(
                            "a [-4, 2)=1/1 #1@1",
                            "a [-2, 4)=1/1 #1@3",
                            "a [0, 6)=2/3 #1@5",
                            "b [0, 6)=1/3 #1@5");

            run.restart(); // [-2, 4), [0, 6), [2, 8) and [4, 10) are restored as windows
            assertThat(run.way).isEqualTo(Way.PANES);
            WindowHarness<Ev, String> after = run.w;
            after.watermark(5); // the source's watermark again
            element(after, Ev.of("a", 10), 3); // late for [-2, 4) and [0, 6), within the lateness
            assertThat(after.takeWithTimestamps())
                    .containsExactly("a [0, 6)=3/13 #2@5", "a [-2, 4)=2/11 #2@3");
            element(after, Ev.of("a", 20), 7);
            after.watermark(7);
            assertThat(after.takeWithTimestamps())
                    .containsExactlyInAnyOrder("a [2, 8)=3/32 #1@7", "b [2, 8)=1/3 #1@7");
            element(after, Ev.of("a", 40), 0); // [-2, 4) is gone, [0, 6) fires again
            element(after, Ev.of("a", 80), -1); // all its windows are gone
            assertThat(after.takeWithTimestamps()).containsExactly("a [0, 6)=4/53 #3@5");
            assertThat(after.h.getSideOutput(LATE))
                    .containsExactly(new OperatorTestHarness.Record<>(Ev.of("a", 80), -1L));
            after.watermark(Long.MAX_VALUE);
            assertThat(after.takeWithTimestamps())
                    .containsExactlyInAnyOrder(
                            "a [4, 10)=2/22 #1@9", "b [4, 10)=1/3 #1@9", "a [6, 12)=1/20 #1@11");
            assertThat(after.stateEntries()).isZero();
        }
    }

    @Test
    void aSnapshotWithSlidingPanesDoesNotRestoreWithoutThem() throws Exception {
        Job job = new Job(6, 2, 0, 0, Kind.REDUCE, false, false, false);
        OperatorTestHarness.Snapshot snapshot;
        try (var w = WindowHarness.of(Ev.TYPE, job.code(Way.PANES))) {
            w.element(Ev.of("a", 1), 1);
            snapshot = w.h.snapshot(dir.resolve("panes"));
        }
        assertThatThrownBy(() -> WindowHarness.restore(snapshot, Ev.TYPE, job.code(Way.GENERAL)))
                .hasStackTraceContaining("keeps its windows as panes")
                .hasStackTraceContaining("no longer qualify for panes");
    }

    @Test
    void panesFoldAWindowsElementsPaneByPane() throws Exception {
        // The contract of a window reduce is associativity; where a function is not commutative,
        // panes show in the result: a sliding window folds its panes in time order, each pane's
        // elements in arrival order, while the general path folds all in arrival order.
        for (boolean panes : new boolean[] {true, false}) {
            try (var w =
                    WindowHarness.of(
                            Types.STRING,
                            s -> {
                                s.getExecutionEnvironment()
                                        .getConfiguration()
                                        .set(ExecutionOptions.WINDOW_PANES, panes);
                                return s.keyBy(v -> 0)
                                        .window(
                                                SlidingEventTimeWindows.of(
                                                        Duration.ofMillis(4), Duration.ofMillis(2)))
                                        .reduce(String::concat);
                            })) {
                w.element("c", 3);
                w.element("a", 0);
                w.element("d", 3);
                w.element("b", 1);
                w.h.advanceProcessingTime(Duration.ZERO);
                w.watermark(3);
                assertThat(w.takeWithTimestamps())
                        .containsExactly("ab@1", panes ? "abcd@3" : "cadb@3");
            }
        }
    }

    /** Replaces a trigger by itself, under another class, so that panes do not apply. */
    static final class SameAs extends Trigger<Object, TimeWindow> {
        private final Trigger<Object, TimeWindow> trigger;

        SameAs(Trigger<Object, TimeWindow> trigger) {
            this.trigger = trigger;
        }

        @Override
        public TriggerResult onElement(
                Object element, long timestamp, TimeWindow window, TriggerContext ctx)
                throws Exception {
            return trigger.onElement(element, timestamp, window, ctx);
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx)
                throws Exception {
            return trigger.onProcessingTime(time, window, ctx);
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx)
                throws Exception {
            return trigger.onEventTime(time, window, ctx);
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) throws Exception {
            trigger.clear(window, ctx);
        }
    }

    /** Counts and sums in a {@code long[2]} that it changes in place, also when merging. */
    static final class CountAndSum implements AggregateFunction<Ev, long[], String> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Ev value, long[] acc) {
            acc[0]++;
            acc[1] += value.value();
            return acc;
        }

        @Override
        public String getResult(long[] acc) {
            return acc[0] + "/" + acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            a[1] += b[1];
            return a;
        }
    }

    /**
     * "key [start, end)=result #n" for the n-th firing of the window, counted in per-window state,
     * which the window's cleanup removes.
     */
    static final class Describe<V> extends ProcessWindowFunction<V, String, String, TimeWindow> {
        private static final ValueStateDescriptor<Integer> FIRINGS =
                new ValueStateDescriptor<>("firings", Types.INT);

        @Override
        public void process(String key, Context ctx, Iterable<V> results, Collector<String> out)
                throws Exception {
            ValueState<Integer> firings = ctx.windowState().getState(FIRINGS);
            int n = firings.value() == null ? 1 : firings.value() + 1;
            firings.update(n);
            TimeWindow w = ctx.window();
            for (V result : results) {
                out.collect(
                        key
                                + " ["
                                + w.getStart()
                                + ", "
                                + w.getEnd()
                                + ")="
                                + (result instanceof Ev ? ((Ev) result).value() : result)
                                + " #"
                                + n);
            }
        }

        /**
         * Clears the count itself: the operator clears the per-window state a function used, but
         * after a restore only the states it has used since (as Flink leaves all to the function).
         */
        @Override
        public void clear(Context ctx) throws Exception {
            ctx.windowState().getState(FIRINGS).clear();
        }
    }
}
