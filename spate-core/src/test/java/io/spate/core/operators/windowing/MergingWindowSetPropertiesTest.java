package io.spate.core.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session merging against a naive reference: elements arrive in any order, each opening {@code [ts,
 * ts + gap)}; the merging window set, with contents moved as its merge callback says, must end with
 * the sessions that sorting the timestamps and cutting at gaps gives, each holding exactly its
 * elements — and keep its invariants after every element.
 */
class MergingWindowSetPropertiesTest {

    @Test
    void sessionsAndTheirContentsMatchSortAndCutAtGaps() {
        qt().withExamples(3000)
                .forAll(
                        lists().of(longs().between(-300, 300)).ofSizeBetween(0, 40),
                        integers().between(1, 50))
                .checkAssert(this::check);
    }

    @Test
    void anElementInsideAnExistingSessionMergesNothing() throws Exception {
        var set = newSet(10);
        Map<TimeWindow, List<Long>> contents = new HashMap<>();
        add(set, contents, 0, 10);
        add(set, contents, 20, 10);
        List<String> merges = new ArrayList<>();
        // [5, 20) joins [0, 10) and [20, 30): one merge, the new window not among the merged.
        TimeWindow result =
                set.addWindow(
                        new TimeWindow(5, 20),
                        (r, merged, stateResult, mergedState) ->
                                merges.add(r + " <- " + merged + " state " + mergedState));
        assertThat(result).isEqualTo(new TimeWindow(0, 30));
        assertThat(merges)
                .containsExactly(
                        "TimeWindow[0, 30) <- [TimeWindow[0, 10), TimeWindow[20, 30)] state"
                                + " [TimeWindow[20, 30)]");
        merges.clear();
        // [3, 8) lies inside [0, 30): the set stays as it is and nothing is merged.
        assertThat(
                        set.addWindow(
                                new TimeWindow(3, 8),
                                (r, merged, stateResult, mergedState) -> merges.add("merge")))
                .isEqualTo(new TimeWindow(0, 30));
        assertThat(merges).isEmpty();
        assertThat(set.windows()).containsExactly(new TimeWindow(0, 30));
        assertThat(set.getStateWindow(new TimeWindow(0, 30))).isEqualTo(new TimeWindow(0, 10));
    }

    private void check(List<Long> timestamps, int gap) {
        try {
            var set = newSet(gap);
            Map<TimeWindow, List<Long>> contents = new HashMap<>();
            for (long ts : timestamps) {
                add(set, contents, ts, gap);
                assertInvariants(set, contents);
            }
            Map<TimeWindow, List<Long>> actual = new HashMap<>();
            for (TimeWindow w : set.windows()) {
                List<Long> elements = new ArrayList<>(contents.get(set.getStateWindow(w)));
                elements.sort(null);
                actual.put(w, elements);
            }
            assertThat(actual).isEqualTo(reference(timestamps, gap));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static MergingWindowSet<TimeWindow> newSet(long gap) {
        return new MergingWindowSet<>(
                EventTimeSessionWindows.withGap(Duration.ofMillis(gap)), new TestingMapState<>());
    }

    /** What the window operator does for an element: add its window, then add it to the state. */
    private static void add(
            MergingWindowSet<TimeWindow> set,
            Map<TimeWindow, List<Long>> contents,
            long ts,
            long gap)
            throws Exception {
        TimeWindow window = new TimeWindow(ts, ts + gap);
        TimeWindow actual =
                set.addWindow(
                        window,
                        (result, merged, stateResult, mergedState) -> {
                            assertThat(merged).doesNotContain(window);
                            assertThat(mergedState).doesNotContain(stateResult);
                            for (TimeWindow s : mergedState) {
                                contents.computeIfAbsent(stateResult, k -> new ArrayList<>())
                                        .addAll(contents.remove(s));
                            }
                        });
        assertThat(actual.getStart()).isLessThanOrEqualTo(window.getStart());
        assertThat(actual.getEnd()).isGreaterThanOrEqualTo(window.getEnd());
        contents.computeIfAbsent(set.getStateWindow(actual), k -> new ArrayList<>()).add(ts);
    }

    /** Windows never intersect; every state window is in use by exactly one window. */
    private static void assertInvariants(
            MergingWindowSet<TimeWindow> set, Map<TimeWindow, List<Long>> contents)
            throws Exception {
        List<TimeWindow> windows = set.windows();
        Set<TimeWindow> stateWindows = new HashSet<>();
        for (int i = 0; i < windows.size(); i++) {
            for (int j = i + 1; j < windows.size(); j++) {
                assertThat(windows.get(i).intersects(windows.get(j))).isFalse();
            }
            assertThat(stateWindows.add(set.getStateWindow(windows.get(i)))).isTrue();
        }
        assertThat(contents.keySet()).isEqualTo(stateWindows);
    }

    /** Sort, and start a new session where the distance to the previous element exceeds gap. */
    private static Map<TimeWindow, List<Long>> reference(List<Long> timestamps, long gap) {
        List<Long> sorted = new ArrayList<>(timestamps);
        sorted.sort(null);
        Map<TimeWindow, List<Long>> sessions = new HashMap<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) - sorted.get(j) <= gap) {
                j++;
            }
            sessions.put(
                    new TimeWindow(sorted.get(i), sorted.get(j) + gap),
                    new ArrayList<>(sorted.subList(i, j + 1)));
            i = j + 1;
        }
        return sessions;
    }
}
