package io.spate.tests.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.functions.CoGroupFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.FlatJoinFunction;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.common.util.CloseableIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Window join and co-group equal a nested-loop reference on random data, over tumbling, sliding and
 * session windows: every pair of elements with equal keys in a common window is joined once per
 * such window, and every key and window is co-grouped once with exactly its elements of each side.
 */
class WindowJoinIT {
    private static final int PARALLELISM = 3;
    private static final long BOUND = 20;
    private static final int KEYS = 10;
    private static final long SPAN = 30_000;

    private final SplittableRandom random = new SplittableRandom(1234);
    private final List<Events> left = Events.random(random, 1500, KEYS, -5_000, SPAN);
    private final List<Events> right = Events.random(random, 1500, KEYS, -5_000, SPAN);

    record Pair(long key, long left, long right) {}

    record Group(long key, List<Long> left, List<Long> right) {}

    @Test
    void tumblingJoinAndCoGroup() throws Exception {
        checkFixed(TumblingEventTimeWindows.of(Duration.ofMillis(1000)), 1000, 1000);
    }

    @Test
    void slidingJoinAndCoGroup() throws Exception {
        checkFixed(
                SlidingEventTimeWindows.of(Duration.ofMillis(2000), Duration.ofMillis(500)),
                2000,
                500);
    }

    @Test
    void sessionJoinAndCoGroup() throws Exception {
        long gap = 80;
        // Sessions form over the union of both sides, per key.
        Function<Events, List<long[]>> windowsOf = e -> List.of(sessionOf(e, gap));
        check(EventTimeSessionWindows.withGap(Duration.ofMillis(gap)), windowsOf);
    }

    private void checkFixed(WindowAssigner<Object, TimeWindow> assigner, long size, long slide)
            throws Exception {
        check(
                assigner,
                e -> {
                    List<long[]> windows = new ArrayList<>();
                    for (long s = Math.floorDiv(e.ts(), slide) * slide;
                            s > e.ts() - size;
                            s -= slide) {
                        windows.add(new long[] {s, s + size});
                    }
                    return windows;
                });
    }

    /**
     * Runs the join and the co-group over {@code assigner} and compares them with nested loops over
     * both inputs, where {@code windowsOf} gives the windows of an element.
     */
    private void check(
            WindowAssigner<Object, TimeWindow> assigner, Function<Events, List<long[]>> windowsOf)
            throws Exception {
        // Reference: for every pair with equal keys, one result per window they share.
        List<Pair> expectedPairs = new ArrayList<>();
        for (Events a : left) {
            for (Events b : right) {
                if (a.key() != b.key()) {
                    continue;
                }
                for (long[] wa : windowsOf.apply(a)) {
                    for (long[] wb : windowsOf.apply(b)) {
                        if (wa[0] == wb[0] && wa[1] == wb[1]) {
                            expectedPairs.add(new Pair(a.key(), a.value(), b.value()));
                        }
                    }
                }
            }
        }
        // Reference: every (key, window) with its elements of each side.
        Map<List<Long>, Group> groups = new TreeMap<>(Comparator.comparing(Object::toString));
        for (int side = 0; side < 2; side++) {
            for (Events e : side == 0 ? left : right) {
                for (long[] w : windowsOf.apply(e)) {
                    Group g =
                            groups.computeIfAbsent(
                                    List.of(e.key(), w[0], w[1]),
                                    k -> new Group(e.key(), new ArrayList<>(), new ArrayList<>()));
                    (side == 0 ? g.left() : g.right()).add(e.value());
                }
            }
        }
        List<Group> expectedGroups = new ArrayList<>();
        for (Group g : groups.values()) {
            expectedGroups.add(sortedGroup(g));
        }

        assertThat(sorted(runJoin(assigner))).isEqualTo(sorted(expectedPairs));
        assertThat(sortedGroups(runCoGroup(assigner))).isEqualTo(sortedGroups(expectedGroups));
    }

    private List<Pair> runJoin(WindowAssigner<Object, TimeWindow> assigner) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
        DataStream<Pair> pairs =
                Events.source(env, left, BOUND, "left")
                        .join(Events.source(env, right, BOUND, "right"))
                        .where(Events::key)
                        .equalTo(Events::key)
                        .window(assigner)
                        .apply((a, b) -> new Pair(a.key(), a.value(), b.value()));
        List<Pair> out = collect(pairs);
        // The same through a flat join function.
        StreamExecutionEnvironment env2 =
                StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
        List<Pair> flat =
                collect(
                        Events.source(env2, left, BOUND, "left")
                                .join(Events.source(env2, right, BOUND, "right"))
                                .where(Events::key)
                                .equalTo(Events::key)
                                .window(assigner)
                                .apply(new FlatPair(), TypeInfo.of(Pair.class)));
        assertThat(sorted(flat)).isEqualTo(sorted(out));
        return out;
    }

    private List<Group> runCoGroup(WindowAssigner<Object, TimeWindow> assigner) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
        return collect(
                Events.source(env, left, BOUND, "left")
                        .coGroup(Events.source(env, right, BOUND, "right"))
                        .where(Events::key)
                        .equalTo(Events::key)
                        .window(assigner)
                        .apply(new ToGroup(), TypeInfo.of(Group.class)));
    }

    /** The session of {@code e}: sort-and-cut over both sides' elements of its key. */
    private long[] sessionOf(Events e, long gap) {
        List<Long> times = new ArrayList<>();
        for (Events x : left) {
            if (x.key() == e.key()) {
                times.add(x.ts());
            }
        }
        for (Events x : right) {
            if (x.key() == e.key()) {
                times.add(x.ts());
            }
        }
        times.sort(null);
        int i = times.indexOf(e.ts());
        int start = i;
        while (start > 0 && times.get(start) - times.get(start - 1) <= gap) {
            start--;
        }
        int end = i;
        while (end + 1 < times.size() && times.get(end + 1) - times.get(end) <= gap) {
            end++;
        }
        return new long[] {times.get(start), times.get(end) + gap};
    }

    private static <T> List<T> collect(DataStream<T> stream) throws Exception {
        List<T> out = new ArrayList<>();
        try (CloseableIterator<T> it = stream.executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    private static List<String> sorted(List<Pair> pairs) {
        List<String> s = new ArrayList<>();
        for (Pair p : pairs) {
            s.add(p.key() + ":" + p.left() + "-" + p.right());
        }
        s.sort(null);
        return s;
    }

    private static Group sortedGroup(Group g) {
        List<Long> l = new ArrayList<>(g.left());
        List<Long> r = new ArrayList<>(g.right());
        l.sort(null);
        r.sort(null);
        return new Group(g.key(), l, r);
    }

    private static List<String> sortedGroups(List<Group> groups) {
        List<String> s = new ArrayList<>();
        for (Group g : groups) {
            s.add(sortedGroup(g).toString());
        }
        s.sort(null);
        return s;
    }

    static final class FlatPair implements FlatJoinFunction<Events, Events, Pair> {
        @Override
        public void join(Events a, Events b, Collector<Pair> out) {
            out.collect(new Pair(a.key(), a.value(), b.value()));
        }
    }

    static final class ToGroup implements CoGroupFunction<Events, Events, Group> {
        @Override
        public void coGroup(Iterable<Events> as, Iterable<Events> bs, Collector<Group> out) {
            List<Long> l = new ArrayList<>();
            List<Long> r = new ArrayList<>();
            long key = -1;
            for (Events a : as) {
                l.add(a.value());
                key = a.key();
            }
            for (Events b : bs) {
                r.add(b.value());
                key = b.key();
            }
            assertThat(l.size() + r.size()).isPositive();
            out.collect(new Group(key, l, r));
        }
    }
}
