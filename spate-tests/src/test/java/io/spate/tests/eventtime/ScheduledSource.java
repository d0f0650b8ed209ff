package io.spate.tests.eventtime;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SourceSplit;
import io.spate.common.time.Clock;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A source whose splits deliver readings at given processing times — what a partitioned log with
 * uneven traffic looks like to a source operator. Each reading carries its event time as its
 * timestamp. Every split gets its output on the first poll, so that a split with nothing to say
 * holds the watermark back from the start, until it counts as idle.
 *
 * <p>Driven by the engine's clock: with a manual clock the test decides when each reading arrives,
 * without threads or sleeping.
 */
final class ScheduledSource implements Source<ScheduledSource.Reading, ScheduledSource.Split> {
    private static final long serialVersionUID = 1L;

    /** At most this many readings per poll, so that a long jump of the clock is read in steps. */
    private static final int PER_POLL = 256;

    /** A reading of split {@code split} that happened at event time {@code time}. */
    record Reading(String split, long time) {}

    /** A reading to deliver at processing time {@code at}, with event time {@code time}. */
    record Arrival(long at, long time) implements Serializable {}

    private final List<Split> splits;

    ScheduledSource(Split... splits) {
        this.splits = List.of(splits);
    }

    static Arrival at(long at, long time) {
        return new Arrival(at, time);
    }

    /**
     * A split that delivers {@code arrivals} (in order of {@code at}) and then, every {@code
     * period} ms after the last one (if {@code period > 0}), a reading whose event time is its
     * arrival time; it ends after its last arrival when {@code ends}.
     */
    static final class Split implements SourceSplit, Serializable {
        private static final long serialVersionUID = 1L;

        final String id;
        final List<Arrival> arrivals;
        final long period;
        final boolean ends;

        private Split(String id, List<Arrival> arrivals, long period, boolean ends) {
            this.id = id;
            this.arrivals = List.copyOf(arrivals);
            this.period = period;
            this.ends = ends;
        }

        /** Delivers {@code arrivals}, then ends. */
        static Split finite(String id, Arrival... arrivals) {
            return new Split(id, List.of(arrivals), 0, true);
        }

        /** Delivers {@code arrivals}, then stays open and silent. */
        static Split open(String id, Arrival... arrivals) {
            return new Split(id, List.of(arrivals), 0, false);
        }

        /** Delivers a reading every {@code period} ms from 0 on, forever, with time = arrival. */
        static Split every(String id, long period) {
            return new Split(id, List.of(), period, false);
        }

        @Override
        public String splitId() {
            return id;
        }

        /** The {@code n}-th arrival, or {@code null} if there is none. */
        Arrival arrival(long n) {
            if (n < arrivals.size()) {
                return arrivals.get((int) n);
            }
            if (period <= 0) {
                return null;
            }
            long start = arrivals.isEmpty() ? 0 : arrivals.get(arrivals.size() - 1).at() + period;
            long t = start + (n - arrivals.size()) * period;
            return new Arrival(t, t);
        }
    }

    @Override
    public Boundedness getBoundedness() {
        return splits.stream().allMatch(s -> s.ends)
                ? Boundedness.BOUNDED
                : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public List<Split> createSplits(int parallelism) {
        return splits;
    }

    @Override
    public SourceReader<Reading, Split> createReader(SourceReaderContext context) {
        return new Reader(context.getClock());
    }

    private static final class Reader implements SourceReader<Reading, Split> {
        private final Clock clock;
        private final List<Split> open = new ArrayList<>();
        private final List<Long> next = new ArrayList<>();

        Reader(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void addSplits(List<Split> splits) {
            for (Split s : splits) {
                open.add(s);
                next.add(0L);
            }
        }

        @Override
        public void start() {}

        @Override
        public InputStatus pollNext(ReaderOutput<Reading> output) {
            long now = clock.millis();
            int emitted = 0;
            for (int i = 0; i < open.size(); ) {
                Split split = open.get(i);
                SourceOutput<Reading> out = output.createOutputForSplit(split.id);
                long n = next.get(i);
                for (Arrival a = split.arrival(n);
                        a != null && a.at() <= now && emitted < PER_POLL;
                        a = split.arrival(n)) {
                    out.collect(new Reading(split.id, a.time()), a.time());
                    n++;
                    emitted++;
                }
                next.set(i, n);
                if (split.ends && split.arrival(n) == null) {
                    output.releaseOutputForSplit(split.id);
                    open.remove(i);
                    next.remove(i);
                } else {
                    i++;
                }
            }
            if (open.isEmpty()) {
                return InputStatus.END_OF_INPUT;
            }
            return emitted == PER_POLL ? InputStatus.MORE_AVAILABLE : InputStatus.NOTHING_AVAILABLE;
        }

        @Override
        public List<Split> snapshotState(long checkpointId) {
            return List.copyOf(open); // positions are not needed by these tests
        }

        @Override
        public void close() {}
    }
}
