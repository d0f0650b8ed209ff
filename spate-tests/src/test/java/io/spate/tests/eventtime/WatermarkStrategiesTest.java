package io.spate.tests.eventtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.eventtime.WatermarkGenerator;
import io.spate.api.common.eventtime.WatermarkOutput;
import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.datastream.OutputTag;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.execution.ExecutionOptions;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.testutils.PipelineTestDriver;
import io.spate.testutils.TestInput;
import io.spate.testutils.TestOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watermark strategies, applied with {@code assignTimestampsAndWatermarks} and run by the
 * pipeline test driver: periodic generators emit every {@code pipeline.auto-watermark-interval} of
 * processing time, punctuated ones as records pass, and timestamps come from the records' fields or
 * from the timestamps they already carry.
 */
class WatermarkStrategiesTest {
    /** An event that knows when it happened. */
    record Event(String key, long time) {}

    private static final TypeInfo<Event> EVENT = TypeInfo.of(Event.class);

    private final PipelineTestDriver driver = new PipelineTestDriver();
    private final TestInput<Event> in = driver.input(EVENT);

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    private TestOutput<Event> stamped(WatermarkStrategy<Event> strategy) {
        return driver.capture(in.stream().assignTimestampsAndWatermarks(strategy));
    }

    private static WatermarkStrategy<Event> byField(WatermarkStrategy<Event> strategy) {
        return strategy.withTimestampAssigner((e, ts) -> e.time());
    }

    @Test
    void boundedOutOfOrdernessTrailsTheHighestTimestampByTheBound() {
        TestOutput<Event> out =
                stamped(byField(WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(50))));

        in.add(new Event("a", 1000));
        in.add(new Event("b", 900));
        in.add(new Event("c", 1200));
        in.add(new Event("d", 1100));
        assertThat(out.watermarks()).as("periodic: nothing before the interval").isEmpty();

        driver.advanceProcessingTime(Duration.ofMillis(200));
        assertThat(out.watermarks()).containsExactly(1200L - 50 - 1);

        driver.advanceProcessingTime(Duration.ofSeconds(1));
        assertThat(out.watermarks()).as("no new maximum, no new watermark").hasSize(1);
        assertThat(out.records())
                .extracting(TestOutput.Record::timestamp)
                .containsExactly(1000L, 900L, 1200L, 1100L);
    }

    @Test
    void monotonousTimestampsMakeTheWatermarkFollowTheHighestTimestamp() {
        TestOutput<Event> out = stamped(byField(WatermarkStrategy.forMonotonousTimestamps()));

        in.add(new Event("a", 10));
        in.add(new Event("b", 20));
        driver.advanceProcessingTime(Duration.ofMillis(200));
        in.add(new Event("c", 30));
        driver.advanceProcessingTime(Duration.ofMillis(200));

        assertThat(out.watermarks()).containsExactly(19L, 29L);
    }

    @Test
    void theIntervalOfPeriodicWatermarksIsConfigurable() {
        driver.env()
                .getConfiguration()
                .set(ExecutionOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(50));
        TestOutput<Event> out = stamped(WatermarkStrategy.forGenerator(CountingPeriodic::new));

        driver.advanceProcessingTime(Duration.ofMillis(500));

        // One emission per interval, each at its own time: 1, 2, ..., 10.
        assertThat(out.watermarks()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    /** A periodic generator that emits how often it was asked. */
    static final class CountingPeriodic implements WatermarkGenerator<Event> {
        private long calls;

        @Override
        public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.emitWatermark(++calls);
        }
    }

    @Test
    void aPunctuatedGeneratorEmitsAsRecordsPass() {
        TestOutput<Event> out = stamped(byField(WatermarkStrategy.forGenerator(Punctuated::new)));

        in.add(new Event("data", 100));
        assertThat(out.watermarks()).isEmpty();
        in.add(new Event("tick", 150));
        assertThat(out.watermarks())
                .as("without any processing time passing")
                .containsExactly(150L);
        in.add(new Event("tick", 120));
        assertThat(out.watermarks()).as("a lower watermark is ignored").containsExactly(150L);
        in.add(new Event("tick", 300));
        assertThat(out.watermarks()).containsExactly(150L, 300L);
    }

    /** Emits the time of every {@code tick} event, and nothing periodically. */
    static final class Punctuated implements WatermarkGenerator<Event> {
        @Override
        public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
            if (event.key().equals("tick")) {
                output.emitWatermark(eventTimestamp);
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    @Test
    void withoutAnAssignerRecordsKeepTheTimestampsTheyCarry() {
        TestOutput<Event> kept = stamped(WatermarkStrategy.forMonotonousTimestamps());
        TestOutput<Event> shifted =
                stamped(
                        WatermarkStrategy.<Event>forMonotonousTimestamps()
                                .withTimestampAssigner(
                                        (e, recordTimestamp) -> recordTimestamp + 1));

        in.add(new Event("a", 0), 5_000);
        driver.advanceProcessingTime(Duration.ofMillis(200));

        assertThat(kept.records())
                .containsExactly(new TestOutput.Record<>(new Event("a", 0), 5_000L));
        assertThat(kept.watermarks()).containsExactly(4_999L);
        assertThat(shifted.records())
                .containsExactly(new TestOutput.Record<>(new Event("a", 0), 5_001L));
        assertThat(shifted.watermarks()).containsExactly(5_000L);
    }

    @Test
    void theStrategyReplacesTheWatermarksFromUpstreamButNotTheEndOfTime() {
        TestOutput<Event> out = stamped(byField(WatermarkStrategy.forMonotonousTimestamps()));

        in.advanceWatermark(10_000);
        in.add(new Event("a", 50));
        driver.advanceProcessingTime(Duration.ofMillis(200));
        assertThat(out.watermarks()).containsExactly(49L);

        in.end();
        assertThat(out.watermarks()).containsExactly(49L, Long.MAX_VALUE);
    }

    @Test
    void anInputSilentForTheIdleTimeoutBecomesIdleAndActiveWithItsNextRecord() {
        TestOutput<Event> byDefault = stamped(byField(WatermarkStrategy.forMonotonousTimestamps()));
        TestOutput<Event> never =
                stamped(
                        byField(WatermarkStrategy.<Event>forMonotonousTimestamps())
                                .withoutIdleness());

        in.add(new Event("a", 1));
        driver.advanceProcessingTime(Duration.ofSeconds(29));
        assertThat(byDefault.isIdle()).isFalse();
        driver.advanceProcessingTime(Duration.ofSeconds(2));
        assertThat(byDefault.isIdle()).isTrue();

        in.add(new Event("b", 2));
        assertThat(byDefault.isIdle()).isFalse();

        driver.advanceProcessingTime(Duration.ofMinutes(10));
        assertThat(never.isIdle()).isFalse();
    }

    static final OutputTag<Event> LATE = new OutputTag<>("late") {};

    /** Sends records at or behind the watermark to a side output. */
    static final class LateDetector extends KeyedProcessFunction<String, Event, Event> {
        @Override
        public void processElement(Event e, Context ctx, Collector<Event> out) {
            if (ctx.timestamp() <= ctx.timerService().currentWatermark()) {
                ctx.output(LATE, e);
            } else {
                out.collect(e);
            }
        }
    }

    @Test
    void disorderWithinTheBoundNeverMakesARecordLate() {
        try (PipelineTestDriver d = new PipelineTestDriver(2)) {
            TestInput<Event> events = d.input(EVENT);
            SingleOutputStreamOperator<Event> checked =
                    events.stream()
                            .assignTimestampsAndWatermarks(
                                    byField(
                                            WatermarkStrategy.forBoundedOutOfOrderness(
                                                    Duration.ofMillis(100))))
                            .keyBy(Event::key)
                            .process(new LateDetector());
            TestOutput<Event> onTime = d.capture(checked);
            TestOutput<Event> late = d.capture(checked.getSideOutput(LATE));

            // Times 0, 10, 20, ... each moved back by up to 100 ms, and shuffled within blocks
            // that span less than the bound.
            Random random = new Random(42);
            List<Event> all = new ArrayList<>();
            for (int block = 0; block < 50; block++) {
                List<Event> events10 = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    long t = (block * 10L + i) * 10;
                    events10.add(new Event("k" + random.nextInt(5), t));
                }
                Collections.shuffle(events10, random);
                all.addAll(events10);
            }
            for (int i = 0; i < all.size(); i++) {
                events.add(all.get(i));
                if (i % 7 == 0) {
                    d.advanceProcessingTime(Duration.ofMillis(200));
                }
            }
            assertThat(onTime.watermarks()).hasSizeGreaterThan(20);
            assertThat(late.values()).isEmpty();
            assertThat(onTime.values()).hasSize(500);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
