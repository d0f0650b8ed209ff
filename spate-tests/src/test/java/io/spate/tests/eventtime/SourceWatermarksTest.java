package io.spate.tests.eventtime;

import static io.spate.tests.eventtime.ScheduledSource.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.eventtime.WatermarkGenerator;
import io.spate.api.common.eventtime.WatermarkOutput;
import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.lib.IndexRangeSplit;
import io.spate.api.connector.source.lib.NumberSequenceSource;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.OutputTag;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.execution.ExecutionOptions;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.tests.eventtime.ScheduledSource.Reading;
import io.spate.tests.eventtime.ScheduledSource.Split;
import io.spate.testutils.PipelineTestDriver;
import io.spate.testutils.TestOutput;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Watermarks generated at the source, per split: the source's watermark is the minimum over its
 * active splits, a split silent for the idle timeout stops holding it back and rejoins when it
 * delivers again, and a finished split no longer counts. Run by the pipeline test driver, whose
 * manual clock decides when each reading arrives and when periodic watermarks are emitted.
 */
class SourceWatermarksTest {
    private static final TypeInfo<Reading> READING = TypeInfo.of(Reading.class);

    private final PipelineTestDriver driver = new PipelineTestDriver();

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    /** Watermarks follow the highest timestamp of each split (1 ms behind it). */
    private static WatermarkStrategy<Reading> monotonous() {
        return WatermarkStrategy.<Reading>forMonotonousTimestamps()
                .withTimestampAssigner((r, ts) -> r.time());
    }

    private DataStream<Reading> source(WatermarkStrategy<Reading> strategy, Split... splits) {
        return driver.env().fromSource(new ScheduledSource(splits), strategy, "Scheduled", READING);
    }

    private void advanceTo(long millis) {
        driver.advanceProcessingTime(Duration.ofMillis(millis - driver.currentProcessingTime()));
    }

    @Test
    void theSourceWatermarkIsTheMinimumOverItsSplits() {
        TestOutput<Reading> out =
                driver.capture(
                        source(
                                monotonous(),
                                Split.open("a", at(0, 1000), at(0, 2000)),
                                Split.open("b", at(0, 500), at(300, 3000))));

        driver.run();
        assertThat(out.values()).hasSize(3);
        assertThat(out.watermarks()).as("periodic: nothing before the interval").isEmpty();

        advanceTo(200);
        assertThat(out.watermarks()).containsExactly(499L);

        advanceTo(300); // b delivers 3000
        advanceTo(400);
        assertThat(out.watermarks()).containsExactly(499L, 1999L);
        assertThat(out.records())
                .extracting(TestOutput.Record::timestamp)
                .containsExactly(1000L, 2000L, 500L, 3000L);
    }

    @Test
    void aFinishedSplitNoLongerHoldsTheWatermarkBack() {
        TestOutput<Reading> out =
                driver.capture(
                        source(
                                monotonous(),
                                Split.open("a", at(0, 1000)),
                                Split.finite("b", at(0, 100), at(100, 200))));

        advanceTo(200);
        assertThat(out.currentWatermark()).as("b ended before the first emission").isEqualTo(999);
    }

    @Test
    void anIdleSplitStopsHoldingBackAndRejoinsWhenItDeliversAgain() {
        TestOutput<Reading> out =
                driver.capture(
                        source(
                                monotonous(),
                                Split.every("busy", 100),
                                Split.open("quiet", at(0, 0), at(45_000, 40_000))));

        advanceTo(10_000);
        assertThat(out.currentWatermark()).as("quiet holds the watermark back").isEqualTo(-1);

        advanceTo(31_000); // quiet has been silent for the idle timeout of 30 s
        assertThat(out.currentWatermark()).isBetween(29_000L, 31_000L);
        assertThat(out.isIdle()).isFalse();

        advanceTo(60_000); // quiet delivered 40 000 at 45 s: it holds the watermark back again
        long whenQuietRejoined = out.currentWatermark();
        assertThat(whenQuietRejoined).isBetween(44_000L, 45_000L);

        advanceTo(80_000); // silent for 30 s again
        assertThat(out.currentWatermark()).isBetween(74_000L, 80_000L);
        assertThat(out.values()).filteredOn(r -> r.split().equals("quiet")).hasSize(2);
    }

    @Test
    void withoutIdlenessASilentSplitHoldsTheWatermarkBackForever() {
        TestOutput<Reading> out =
                driver.capture(
                        source(
                                monotonous().withoutIdleness(),
                                Split.every("busy", 100),
                                Split.open("quiet", at(0, 0))));

        advanceTo(300_000);

        assertThat(out.currentWatermark()).isEqualTo(-1);
        assertThat(out.values()).hasSizeGreaterThan(2_000);
    }

    @Test
    void theIdleTimeoutComesFromTheStrategyOrElseFromTheConfiguration() {
        driver.env()
                .getConfiguration()
                .set(ExecutionOptions.WATERMARK_IDLE_TIMEOUT, Duration.ofSeconds(10));
        TestOutput<Reading> configured =
                driver.capture(
                        source(
                                monotonous(),
                                Split.every("busy", 100),
                                Split.open("quiet", at(0, 0))));
        TestOutput<Reading> own =
                driver.capture(
                        source(
                                monotonous().withIdleness(Duration.ofSeconds(3)),
                                Split.every("busy", 100),
                                Split.open("quiet", at(0, 0))));

        advanceTo(2_500);
        assertThat(own.currentWatermark()).isEqualTo(-1);
        advanceTo(4_000);
        assertThat(own.currentWatermark()).isGreaterThan(3_000);
        assertThat(configured.currentWatermark()).isEqualTo(-1);
        advanceTo(9_500);
        assertThat(configured.currentWatermark()).isEqualTo(-1);
        advanceTo(11_000);
        assertThat(configured.currentWatermark()).isGreaterThan(10_000);
    }

    @Test
    void aSourceWhoseSplitsAreAllIdleIsIdleAndDoesNotHoldBackAnotherInput() {
        DataStream<Reading> silent = source(monotonous(), Split.open("s", at(0, 0)));
        DataStream<Reading> busy = source(monotonous(), Split.every("b", 100));
        TestOutput<Reading> silentOut = driver.capture(silent);
        TestOutput<String> fired =
                driver.capture(silent.union(busy).keyBy(Reading::split).process(new FireAtTime()));

        advanceTo(20_000);
        assertThat(silentOut.isIdle()).isFalse();
        assertThat(fired.values()).as("the silent source holds the union back").isEmpty();

        advanceTo(40_000);
        assertThat(silentOut.isIdle()).isTrue();
        assertThat(fired.values()).contains("s@0", "b@1000", "b@25000");
    }

    @Test
    void oneIdleSplitDoesNotStallTheTimersOfTheOthersAtAnyParallelism() {
        for (int parallelism : new int[] {1, 2}) {
            try (PipelineTestDriver d = new PipelineTestDriver(parallelism)) {
                DataStream<Reading> readings =
                        d.env()
                                .fromSource(
                                        new ScheduledSource(
                                                Split.every("busy", 1_000),
                                                Split.open("quiet", at(0, 0))),
                                        monotonous(),
                                        "Scheduled",
                                        READING);
                TestOutput<String> fired =
                        d.capture(readings.keyBy(Reading::split).process(new FireAtTime()));

                d.advanceProcessingTime(Duration.ofSeconds(20));
                assertThat(fired.values()).as("parallelism %d", parallelism).isEmpty();

                d.advanceProcessingTime(Duration.ofSeconds(40));
                assertThat(fired.values())
                        .as("parallelism %d", parallelism)
                        .contains("quiet@0", "busy@0", "busy@1000", "busy@50000");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    /**
     * The numbers {@code 0..n-1} in {@code shards} shards, however many subtasks read them: more
     * shards than subtasks, as after restoring at a lower parallelism.
     */
    static final class ShardedSequence implements Source<Long, IndexRangeSplit> {
        private static final long serialVersionUID = 1L;

        private final NumberSequenceSource numbers;
        private final int shards;

        ShardedSequence(long n, int shards) {
            this.numbers = new NumberSequenceSource(0, n - 1);
            this.shards = shards;
        }

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public List<IndexRangeSplit> createSplits(int parallelism) {
            return numbers.createSplits(shards);
        }

        @Override
        public SourceReader<Long, IndexRangeSplit> createReader(SourceReaderContext context) {
            return numbers.createReader(context);
        }
    }

    static final OutputTag<Long> LATE = new OutputTag<>("late") {};

    /** A punctuated generator: every record moves the watermark to just below its time. */
    static final class EveryRecord implements WatermarkGenerator<Long> {
        @Override
        public void onEvent(Long v, long timestamp, WatermarkOutput output) {
            output.emitWatermark(timestamp - 1);
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    /** Sends records at or behind the watermark to a side output, passes the others on. */
    static final class LateDetector extends KeyedProcessFunction<Long, Long, Long> {
        @Override
        public void processElement(Long v, Context ctx, Collector<Long> out) {
            if (ctx.timestamp() <= ctx.timerService().currentWatermark()) {
                ctx.output(LATE, v);
            } else {
                out.collect(v);
            }
        }
    }

    @Test
    void theShardsOfABuiltInSourceEachHaveTheirOwnWatermark() {
        // Four shards of 1000 numbers on one subtask; each shard covers the same 10 s of event
        // time, and a punctuated generator moves each shard's watermark with every record. Only
        // per-shard watermarks, combined as the minimum over shards read together, keep every
        // record on time.
        long n = 4_000;
        WatermarkStrategy<Long> punctuated =
                WatermarkStrategy.forGenerator(EveryRecord::new)
                        .withTimestampAssigner((v, ts) -> (v % 1_000) * 10);
        DataStream<Long> numbers =
                driver.env()
                        .fromSource(new ShardedSequence(n, 4), punctuated, "Shards", Types.LONG);
        SingleOutputStreamOperator<Long> checked =
                numbers.keyBy(v -> v % 7).process(new LateDetector());
        TestOutput<Long> onTime = driver.capture(checked);
        TestOutput<Long> late = driver.capture(checked.getSideOutput(LATE));
        TestOutput<Long> source = driver.capture(numbers);

        driver.run();

        assertThat(late.values()).isEmpty();
        assertThat(onTime.values()).hasSize((int) n);
        assertThat(source.watermarks()).hasSizeGreaterThan(10).endsWith(9_989L, Long.MAX_VALUE);
    }

    /** Emits {@code split@time} when the watermark passes a reading's time. */
    static final class FireAtTime extends KeyedProcessFunction<String, Reading, String> {
        @Override
        public void processElement(Reading r, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(r.time());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + "@" + timestamp);
        }
    }
}
