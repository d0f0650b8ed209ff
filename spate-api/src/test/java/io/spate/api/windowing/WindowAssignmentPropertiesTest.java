package io.spate.api.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Window assignment against brute force: for generated timestamps (negative ones included), sizes,
 * slides and offsets, the assigners return exactly the windows that a search over every candidate
 * start finds — the windows {@code [s, s + size)} with {@code s ≡ offset (mod slide)} that contain
 * the timestamp.
 */
class WindowAssignmentPropertiesTest {
    private static final int EXAMPLES = 5000;

    /** Timestamps around the epoch in both directions, and far from it. */
    private static Gen<Long> timestamps() {
        return longs().between(-50_000, 50_000)
                .mix(longs().between(-1_000_000_000_000L, 1_000_000_000_000L), 50);
    }

    private static final WindowAssigner.WindowAssignerContext NO_CLOCK =
            () -> {
                throw new AssertionError("event-time assigners do not read the clock");
            };

    /** Every window of the given size and slide whose start is congruent to the offset. */
    private static Set<TimeWindow> bruteForce(long ts, long size, long slide, long offset) {
        Set<TimeWindow> windows = new HashSet<>();
        for (long start = ts - size + 1; start <= ts; start++) {
            if ((start - offset) % slide == 0) {
                windows.add(new TimeWindow(start, start + size));
            }
        }
        return windows;
    }

    @Test
    void tumblingWindowsAreTheOneAlignedWindowThatContainsTheTimestamp() {
        qt().withExamples(EXAMPLES)
                .forAll(timestamps(), integers().between(1, 1000), integers().all())
                .checkAssert(
                        (ts, size, anyOffset) -> {
                            int offset = anyOffset % size; // |offset| < size, either sign
                            var assigner =
                                    TumblingEventTimeWindows.of(
                                            Duration.ofMillis(size), Duration.ofMillis(offset));
                            Set<TimeWindow> expected = bruteForce(ts, size, size, offset);
                            assertThat(expected).hasSize(1);
                            assertThat(assigner.assignWindows("x", ts, NO_CLOCK))
                                    .containsExactlyInAnyOrderElementsOf(expected);
                            // The same arithmetic on the clock for processing time.
                            var processing =
                                    TumblingProcessingTimeWindows.of(
                                            Duration.ofMillis(size), Duration.ofMillis(offset));
                            assertThat(processing.assignWindows("x", Long.MIN_VALUE, () -> ts))
                                    .containsExactlyInAnyOrderElementsOf(expected);
                        });
    }

    @Test
    void slidingWindowsAreEveryAlignedWindowThatContainsTheTimestamp() {
        qt().withExamples(EXAMPLES)
                .forAll(
                        timestamps(),
                        integers().between(1, 400),
                        integers().between(1, 400),
                        integers().all())
                .checkAssert(
                        (ts, size, slide, anyOffset) -> {
                            int offset = anyOffset % slide;
                            var assigner =
                                    SlidingEventTimeWindows.of(
                                            Duration.ofMillis(size),
                                            Duration.ofMillis(slide),
                                            Duration.ofMillis(offset));
                            List<TimeWindow> assigned =
                                    new ArrayList<>(assigner.assignWindows("x", ts, NO_CLOCK));
                            Set<TimeWindow> expected = bruteForce(ts, size, slide, offset);
                            assertThat(assigned).doesNotHaveDuplicates();
                            assertThat(assigned).containsExactlyInAnyOrderElementsOf(expected);
                            var processing =
                                    SlidingProcessingTimeWindows.of(
                                            Duration.ofMillis(size),
                                            Duration.ofMillis(slide),
                                            Duration.ofMillis(offset));
                            assertThat(processing.assignWindows("x", Long.MIN_VALUE, () -> ts))
                                    .containsExactlyInAnyOrderElementsOf(expected);
                        });
    }

    @Test
    void windowStartIsExactForExtremeValues() {
        // floorMod of the difference would overflow here; the start must still be exact.
        // Long.MAX_VALUE ends in 7, and 7 ≡ -3 (mod 10): it starts its own window.
        assertThat(TimeWindow.getWindowStartWithOffset(Long.MAX_VALUE, -3, 10))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(TimeWindow.getWindowStartWithOffset(Long.MAX_VALUE, 0, 10))
                .isEqualTo(Long.MAX_VALUE - 7);
        // Long.MIN_VALUE ≡ 2 (mod 10), so MIN + 1 ≡ 3 starts the window of MIN + 10.
        assertThat(TimeWindow.getWindowStartWithOffset(Long.MIN_VALUE + 10, 3, 10))
                .isEqualTo(Long.MIN_VALUE + 1);
        assertThat(TimeWindow.getWindowStartWithOffset(-1, 0, 1000)).isEqualTo(-1000);
        assertThat(TimeWindow.getWindowStartWithOffset(-1000, 0, 1000)).isEqualTo(-1000);
        assertThat(TimeWindow.getWindowStartWithOffset(-1001, 0, 1000)).isEqualTo(-2000);
        assertThat(TimeWindow.getWindowStartWithOffset(-5, -3, 10)).isEqualTo(-13);
        assertThat(TimeWindow.getWindowStartWithOffset(7, -3, 10)).isEqualTo(7);
    }

    @Test
    void sessionAssignmentOpensTheGapAfterTheTimestamp() {
        qt().withExamples(EXAMPLES)
                .forAll(timestamps(), integers().between(1, 100_000))
                .checkAssert(
                        (ts, gap) ->
                                assertThat(
                                                EventTimeSessionWindows.withGap(
                                                                Duration.ofMillis(gap))
                                                        .assignWindows("x", ts, NO_CLOCK))
                                        .containsExactly(new TimeWindow(ts, ts + gap)));
    }

    @Test
    void sessionsOfAFixedGapAreTheRunsOfTimestampsNoFurtherApartThanTheGap() {
        qt().withExamples(EXAMPLES)
                .forAll(
                        lists().of(longs().between(-200, 200)).ofSizeBetween(0, 30),
                        integers().between(1, 40))
                .checkAssert(
                        (timestamps, gap) -> {
                            // Reference: sort, and start a new session wherever the distance to
                            // the previous element exceeds the gap.
                            List<Long> sorted = new ArrayList<>(timestamps);
                            sorted.sort(null);
                            Set<TimeWindow> expected = new HashSet<>();
                            for (int i = 0; i < sorted.size(); ) {
                                int j = i;
                                while (j + 1 < sorted.size()
                                        && sorted.get(j + 1) - sorted.get(j) <= gap) {
                                    j++;
                                }
                                expected.add(new TimeWindow(sorted.get(i), sorted.get(j) + gap));
                                i = j + 1;
                            }
                            List<TimeWindow> windows = new ArrayList<>();
                            for (long ts : timestamps) {
                                windows.add(new TimeWindow(ts, ts + gap));
                            }
                            assertThat(merged(windows)).isEqualTo(expected);
                        });
    }

    @Test
    void mergingWindowsOfAnySizeReachesTheFixpointOfMergingIntersectingPairs() {
        Gen<TimeWindow> windows =
                longs().between(-100, 100)
                        .zip(
                                integers().between(1, 30),
                                (start, len) -> new TimeWindow(start, start + len));
        qt().withExamples(EXAMPLES)
                .forAll(lists().of(windows).ofSizeBetween(0, 25))
                .checkAssert(
                        ws -> {
                            // Reference: merge any two intersecting windows until none are left.
                            List<TimeWindow> naive = new ArrayList<>(new HashSet<>(ws));
                            boolean changed = true;
                            while (changed) {
                                changed = false;
                                search:
                                for (int i = 0; i < naive.size(); i++) {
                                    for (int j = i + 1; j < naive.size(); j++) {
                                        if (naive.get(i).intersects(naive.get(j))) {
                                            TimeWindow cover = naive.get(i).cover(naive.get(j));
                                            naive.remove(j);
                                            naive.set(i, cover);
                                            changed = true;
                                            break search;
                                        }
                                    }
                                }
                            }
                            assertThat(merged(ws)).isEqualTo(new HashSet<>(naive));
                        });
    }

    @Test
    void mergeReportsOnlyGroupsAndEachWindowOnce() {
        List<TimeWindow> ws =
                List.of(
                        new TimeWindow(0, 5),
                        new TimeWindow(20, 25),
                        new TimeWindow(5, 10),
                        new TimeWindow(3, 4));
        List<List<TimeWindow>> groups = new ArrayList<>();
        List<TimeWindow> results = new ArrayList<>();
        TimeWindow.mergeWindows(
                ws,
                (toBeMerged, result) -> {
                    groups.add(new ArrayList<>(toBeMerged));
                    results.add(result);
                });
        assertThat(results).containsExactly(new TimeWindow(0, 10));
        assertThat(groups.get(0))
                .containsExactlyInAnyOrder(
                        new TimeWindow(0, 5), new TimeWindow(3, 4), new TimeWindow(5, 10));
    }

    /** The windows after merging: the reported covers, and the windows merged with nothing. */
    private static Set<TimeWindow> merged(List<TimeWindow> windows) {
        Set<TimeWindow> result = new HashSet<>(windows);
        TimeWindow.mergeWindows(
                windows,
                (toBeMerged, cover) -> {
                    result.removeAll(toBeMerged);
                    result.add(cover);
                });
        return result;
    }
}
