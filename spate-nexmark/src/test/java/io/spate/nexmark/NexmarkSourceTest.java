package io.spate.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.eventtime.WatermarkGenerator;
import io.spate.api.common.eventtime.WatermarkOutput;
import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.common.time.Clock;
import io.spate.common.time.ManualClock;
import io.spate.nexmark.generator.GeneratorConfig;
import io.spate.nexmark.generator.NexmarkGenerator;
import io.spate.nexmark.model.Event;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The source's splits, reader, checkpoints, throttle and watermarks, without an engine. */
class NexmarkSourceTest {
    private static final GeneratorConfig CONFIG =
            GeneratorConfig.oracleProfile().withNumEvents(10_007);

    private final ManualClock clock = new ManualClock(0);

    /** What a reader emitted, per split, with timestamps. */
    private static final class Recorder implements ReaderOutput<Event> {
        final Map<String, List<Event>> events = new LinkedHashMap<>();
        final Map<String, List<Long>> timestamps = new LinkedHashMap<>();
        final List<String> released = new ArrayList<>();
        final List<String> opened = new ArrayList<>();
        int pollsBeforeFirstEvent = -1;

        @Override
        public SourceOutput<Event> createOutputForSplit(String splitId) {
            if (!opened.contains(splitId)) {
                opened.add(splitId);
            }
            return new SourceOutput<>() {
                @Override
                public void collect(Event record) {
                    throw new AssertionError("every event carries its timestamp");
                }

                @Override
                public void collect(Event record, long timestamp) {
                    events.computeIfAbsent(splitId, id -> new ArrayList<>()).add(record);
                    timestamps.computeIfAbsent(splitId, id -> new ArrayList<>()).add(timestamp);
                }
            };
        }

        @Override
        public void releaseOutputForSplit(String splitId) {
            released.add(splitId);
        }

        @Override
        public void collect(Event record) {
            throw new AssertionError("events go through their split's output");
        }

        @Override
        public void collect(Event record, long timestamp) {
            throw new AssertionError("events go through their split's output");
        }

        int count() {
            return events.values().stream().mapToInt(List::size).sum();
        }
    }

    private SourceReaderContext context(int subtask, int parallelism) {
        return new SourceReaderContext() {
            @Override
            public int getIndexOfSubtask() {
                return subtask;
            }

            @Override
            public int getParallelism() {
                return parallelism;
            }

            @Override
            public Clock getClock() {
                return clock;
            }

            @Override
            public ClassLoader getUserCodeClassLoader() {
                return getClass().getClassLoader();
            }
        };
    }

    private static InputStatus drain(SourceReader<Event, NexmarkSplit> reader, Recorder out)
            throws Exception {
        InputStatus status;
        do {
            status = reader.pollNext(out);
        } while (status == InputStatus.MORE_AVAILABLE);
        return status;
    }

    @Test
    void splitsAreStridedOnePerSubtask() {
        NexmarkSource source = new NexmarkSource(CONFIG);
        assertThat(source.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(source.createSplits(3))
                .containsExactly(
                        new NexmarkSplit("0", 0, 3, 10_007),
                        new NexmarkSplit("1", 1, 3, 10_007),
                        new NexmarkSplit("2", 2, 3, 10_007));
        assertThat(NexmarkSplit.of(0, 3, 10_007).remaining()).isEqualTo(3336);
        assertThat(NexmarkSplit.of(2, 3, 10_007).remaining()).isEqualTo(3335);
        assertThat(NexmarkSplit.of(4, 5, 3).remaining()).isZero();
        assertThat(new NexmarkSplit("x", 10, 1, 10).remaining()).isZero();
        assertThatThrownBy(() -> new NexmarkSplit("x", 0, 0, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachSplitEmitsItsIndicesInOrderAndTogetherTheyEmitEveryEventOnce() throws Exception {
        NexmarkGenerator generator = new NexmarkGenerator(CONFIG);
        for (int p : new int[] {1, 2, 3, 4, 7}) {
            NexmarkSource source = new NexmarkSource(CONFIG);
            List<NexmarkSplit> splits = source.createSplits(p);
            int total = 0;
            for (int k = 0; k < p; k++) {
                SourceReader<Event, NexmarkSplit> reader = source.createReader(context(k, p));
                reader.addSplits(List.of(splits.get(k)));
                reader.start();
                Recorder out = new Recorder();
                assertThat(drain(reader, out)).isEqualTo(InputStatus.END_OF_INPUT);
                List<Event> events = out.events.get(String.valueOf(k));
                List<Long> timestamps = out.timestamps.get(String.valueOf(k));
                for (int i = 0; i < events.size(); i++) {
                    long e = k + (long) i * p;
                    assertThat(events.get(i)).isEqualTo(generator.event(e));
                    assertThat(timestamps.get(i)).isEqualTo(CONFIG.timestampOf(e));
                }
                assertThat(events).hasSize((int) splits.get(k).remaining());
                assertThat(out.released).containsExactly(String.valueOf(k));
                assertThat(reader.snapshotState(1)).isEmpty();
                total += events.size();
            }
            assertThat(total).as("parallelism %d", p).isEqualTo(10_007);
        }
    }

    @Test
    void aRestoredReaderContinuesWhereTheCheckpointWas() throws Exception {
        NexmarkSource source = new NexmarkSource(CONFIG);
        List<NexmarkSplit> splits = source.createSplits(2);

        SourceReader<Event, NexmarkSplit> reference = source.createReader(context(0, 1));
        reference.addSplits(splits);
        reference.start();
        Recorder all = new Recorder();
        drain(reference, all);

        SourceReader<Event, NexmarkSplit> first = source.createReader(context(0, 1));
        first.addSplits(splits);
        first.start();
        Recorder before = new Recorder();
        for (int i = 0; i < 7; i++) {
            first.pollNext(before);
        }
        List<NexmarkSplit> checkpoint = copy(first.snapshotState(5));
        assertThat(checkpoint).hasSize(2);
        assertThat(checkpoint.get(0).next() + checkpoint.get(1).next())
                .isEqualTo(1 + 2L * before.count());

        SourceReader<Event, NexmarkSplit> restored = source.createReader(context(0, 1));
        restored.addSplits(checkpoint);
        restored.start();
        Recorder after = new Recorder();
        drain(restored, after);
        for (String split : List.of("0", "1")) {
            List<Event> joined = new ArrayList<>(before.events.get(split));
            joined.addAll(after.events.get(split));
            assertThat(joined).as("split %s", split).isEqualTo(all.events.get(split));
        }
    }

    @Test
    void aReaderWithSeveralSplitsOpensThemAllFirstAndTakesThemInTurns() throws Exception {
        NexmarkSource source = new NexmarkSource(CONFIG);
        SourceReader<Event, NexmarkSplit> reader = source.createReader(context(0, 1));
        reader.addSplits(source.createSplits(3));
        reader.start();
        Recorder out = new Recorder();
        reader.pollNext(out);
        assertThat(out.opened).containsExactly("0", "1", "2");
        assertThat(out.events.keySet()).containsExactly("0");
        reader.pollNext(out);
        reader.pollNext(out);
        assertThat(out.events.keySet()).containsExactly("0", "1", "2");
        assertThat(out.events.values())
                .allSatisfy(events -> assertThat(events).hasSize(NexmarkReader.EVENTS_PER_POLL));
    }

    @Test
    void anEmptyDataSetEndsAtOnce() throws Exception {
        NexmarkSource source = new NexmarkSource(CONFIG.withNumEvents(1));
        List<NexmarkSplit> splits = source.createSplits(2);
        SourceReader<Event, NexmarkSplit> reader = source.createReader(context(1, 2));
        reader.addSplits(List.of(splits.get(1)));
        reader.start();
        Recorder out = new Recorder();
        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(out.count()).isZero();
        assertThat(out.opened).isEmpty();
    }

    @Test
    void theWallClockRateThrottlesEmissionButNotEventTime() throws Exception {
        // 1000 events per wall-clock second over two subtasks: 500 for this one.
        NexmarkSource source = new NexmarkSource(CONFIG).withWallClockRate(1000);
        SourceReader<Event, NexmarkSplit> reader = source.createReader(context(0, 2));
        reader.addSplits(List.of(source.createSplits(2).get(0)));
        reader.start();
        Recorder out = new Recorder();
        assertThat(drain(reader, out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(out.count()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        drain(reader, out);
        assertThat(out.count()).isEqualTo(501);
        clock.advance(Duration.ofMillis(100));
        drain(reader, out);
        assertThat(out.count()).isEqualTo(551);
        // Event time still advances at eventsPerSecond: 0.1 ms per event at R = 10 000.
        List<Long> ts = out.timestamps.get("0");
        assertThat(ts.get(550) - ts.get(0))
                .isEqualTo(CONFIG.timestampOf(1100) - CONFIG.timestampOf(0));

        assertThatThrownBy(() -> new NexmarkSource(CONFIG).withWallClockRate(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wall-clock rate");
        assertThat(source.toString()).contains("events per wall-clock second");
    }

    @Test
    void watermarksTrailTheHighestEventTimeByFourSeconds() {
        WatermarkStrategy<Event> strategy = NexmarkSource.watermarks();
        WatermarkGenerator<Event> generator = strategy.createWatermarkGenerator();
        List<Long> emitted = new ArrayList<>();
        WatermarkOutput output =
                new WatermarkOutput() {
                    @Override
                    public void emitWatermark(long watermark) {
                        emitted.add(watermark);
                    }

                    @Override
                    public void markIdle() {}

                    @Override
                    public void markActive() {}
                };
        generator.onPeriodicEmit(output);
        assertThat(emitted).as("nothing before the first event").isEmpty();
        Event event = new NexmarkGenerator(CONFIG).event(0);
        assertThat(strategy.getTimestampAssigner().extractTimestamp(event, 5))
                .isEqualTo(event.dateTime());
        generator.onEvent(event, 10_000, output);
        generator.onEvent(event, 12_000, output);
        generator.onEvent(event, 11_000, output);
        generator.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(8_000L);
        assertThat(strategy.isIdlenessDisabled()).isFalse();
    }

    @Test
    void theSourceIsSerializable() throws Exception {
        NexmarkSource source = new NexmarkSource(CONFIG).withWallClockRate(5);
        NexmarkSource copy = copy(source);
        assertThat(copy.config()).isEqualTo(CONFIG);
        assertThat(copy.wallClockRate()).isEqualTo(5);
        assertThat(copy(NexmarkSource.watermarks()).createWatermarkGenerator())
                .isInstanceOf(NexmarkWatermarks.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> T copy(T object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
