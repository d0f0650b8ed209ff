package io.spate.api.connector.source.lib;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.common.time.Clock;
import io.spate.common.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The readers of the numbered sources emit each split through its own output. */
class IndexRangeReaderTest {
    private static final ManualClock CLOCK = new ManualClock();

    private static SourceReaderContext context(int subtask, int parallelism) {
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
                return CLOCK;
            }

            @Override
            public ClassLoader getUserCodeClassLoader() {
                return IndexRangeReaderTest.class.getClassLoader();
            }
        };
    }

    /** Polls until the reader ends; fails if it never does. */
    private static <T> int readAll(SourceReader<T, ?> reader, RecordingReaderOutput<T> out)
            throws Exception {
        for (int polls = 1; polls < 10_000; polls++) {
            if (reader.pollNext(out) == InputStatus.END_OF_INPUT) {
                return polls;
            }
        }
        throw new AssertionError("the reader did not end");
    }

    private static List<Long> range(long from, long toExclusive) {
        return LongStream.range(from, toExclusive).boxed().toList();
    }

    @Test
    void eachShardEmitsThroughItsOwnOutputWhichIsReleasedWhenTheShardIsDone() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(0, 199);
        List<IndexRangeSplit> splits = source.createSplits(2);
        SourceReader<Long, IndexRangeSplit> reader = source.createReader(context(0, 1));
        reader.addSplits(splits); // both shards on one subtask, as after a restore at lower scale
        reader.start();
        RecordingReaderOutput<Long> out = new RecordingReaderOutput<>();

        readAll(reader, out);

        assertThat(out.bySplit).containsOnlyKeys("0", "1");
        assertThat(out.bySplit.get("0")).isEqualTo(range(0, 100));
        assertThat(out.bySplit.get("1")).isEqualTo(range(100, 200));
        // Both outputs open before the first record, so that neither finds the watermark passed.
        assertThat(out.events.subList(0, 2)).containsExactly("create 0", "create 1");
        assertThat(out.lifecycle())
                .containsExactly("create 0", "create 1", "release 0", "release 1");
        // Each output is released right after the shard's last record.
        assertThat(out.events.get(out.events.indexOf("release 0") - 1)).isEqualTo("0: 99");
        assertThat(out.events.get(out.events.size() - 2)).isEqualTo("1: 199");
    }

    @Test
    void severalShardsAreReadInTurnSoThatTheirEventTimeAdvancesTogether() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(0, 999);
        SourceReader<Long, IndexRangeSplit> reader = source.createReader(context(0, 1));
        reader.addSplits(source.createSplits(2));
        RecordingReaderOutput<Long> out = new RecordingReaderOutput<>();

        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);

        // One poll from each: neither shard is left waiting until the other is done.
        assertThat(out.bySplit.get("0")).isNotEmpty().allMatch(v -> v < 500);
        assertThat(out.bySplit.get("1")).isNotEmpty().allMatch(v -> v >= 500);
        assertThat(out.bySplit.get("0")).hasSameSizeAs(out.bySplit.get("1"));
    }

    @Test
    void aPartlyReadShardIsSnapshottedAtItsPosition() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(0, 999);
        SourceReader<Long, IndexRangeSplit> reader = source.createReader(context(0, 1));
        reader.addSplits(source.createSplits(2));
        RecordingReaderOutput<Long> out = new RecordingReaderOutput<>();
        reader.pollNext(out);

        List<IndexRangeSplit> state = reader.snapshotState(1);

        assertThat(state).extracting(IndexRangeSplit::splitId).containsExactly("1", "0");
        long read = out.bySplit.get("0").size();
        assertThat(state.get(1).next()).isEqualTo(read);
        assertThat(state.get(0).next()).isEqualTo(500);

        // A new reader resumes where the old one stopped: nothing lost, nothing twice.
        SourceReader<Long, IndexRangeSplit> resumed = source.createReader(context(0, 1));
        resumed.addSplits(state);
        RecordingReaderOutput<Long> rest = new RecordingReaderOutput<>();
        readAll(resumed, rest);
        List<Long> all = new ArrayList<>(out.bySplit.get("0"));
        all.addAll(rest.bySplit.get("0"));
        assertThat(all).isEqualTo(range(0, 500));
        assertThat(rest.bySplit.get("1")).isEqualTo(range(500, 1000));
    }

    @Test
    void anEmptyShardNeverGetsAnOutput() throws Exception {
        DataGeneratorSource<String> source =
                new DataGeneratorSource<>(i -> "r" + i, 1, Types.STRING);
        SourceReader<String, IndexRangeSplit> reader = source.createReader(context(0, 1));
        reader.addSplits(source.createSplits(3)); // sizes 1, 0 and 0
        RecordingReaderOutput<String> out = new RecordingReaderOutput<>();

        readAll(reader, out);

        assertThat(out.events).containsExactly("create 0", "0: r0", "release 0");
    }

    @Test
    void aRateLimitedGeneratorEmitsOnlyWhatItsClockAllows() throws Exception {
        ManualClock clock = new ManualClock();
        DataGeneratorSource<Long> source = new DataGeneratorSource<>(i -> i, 3, 10, Types.LONG);
        SourceReader<Long, IndexRangeSplit> reader =
                source.createReader(
                        new SourceReaderContext() {
                            @Override
                            public int getIndexOfSubtask() {
                                return 0;
                            }

                            @Override
                            public int getParallelism() {
                                return 1;
                            }

                            @Override
                            public Clock getClock() {
                                return clock;
                            }

                            @Override
                            public ClassLoader getUserCodeClassLoader() {
                                return getClass().getClassLoader();
                            }
                        });
        reader.addSplits(source.createSplits(1));
        RecordingReaderOutput<Long> out = new RecordingReaderOutput<>();

        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        clock.advance(Duration.ofMillis(100));
        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
        clock.advance(Duration.ofMillis(100));
        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.END_OF_INPUT);

        assertThat(out.events).containsExactly("create 0", "0: 0", "0: 1", "0: 2", "release 0");
    }

    @Test
    void theElementsOfACollectionAreOneSplit() throws Exception {
        FromElementsSource<String> source = new FromElementsSource<>(List.of("a", "b"));
        SourceReader<String, IndexRangeSplit> reader = source.createReader(context(0, 1));
        reader.addSplits(source.createSplits(4));
        RecordingReaderOutput<String> out = new RecordingReaderOutput<>();

        readAll(reader, out);

        assertThat(out.events).containsExactly("create 0", "0: a", "0: b", "release 0");
    }
}
