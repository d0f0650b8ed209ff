package io.spate.tests.eventtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.DataStream;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.co.CoMapFunction;
import io.spate.testutils.PipelineTestDriver;
import io.spate.testutils.TestInput;
import io.spate.testutils.TestOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How watermarks travel between operators: an operator forwards the minimum over its input channels
 * that are not idle, ignores a channel's watermark that is lower than that channel's last one,
 * counts an ended channel as the end of time, and is idle only when all its inputs are.
 */
class WatermarkPropagationTest {
    private final PipelineTestDriver driver = new PipelineTestDriver();

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    /** Registers an event-time timer at each record's value; emits {@code key@time} when fired. */
    static final class TimerAtValue extends KeyedProcessFunction<Long, Long, String> {
        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(value);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + "@" + timestamp);
        }
    }

    private TestOutput<String> timersOf(DataStream<Long> stream) {
        return driver.capture(stream.keyBy(v -> v % 3).process(new TimerAtValue()));
    }

    @Test
    void aLowerWatermarkOnAChannelIsIgnored() {
        TestInput<Long> in = driver.input(Types.LONG, 2);
        TestOutput<String> fired = timersOf(in.stream());

        in.add(60L);
        in.add(120L);
        in.advanceWatermark(100);
        assertThat(fired.values()).containsExactly("0@60");

        in.split(0).advanceWatermark(50); // lower than split 0's last: ignored
        in.split(1).advanceWatermark(200);
        assertThat(fired.currentWatermark())
                .as("split 0's channel is still at 100, not 50")
                .isEqualTo(100);

        in.split(0).advanceWatermark(150);
        assertThat(fired.values()).containsExactly("0@60", "0@120");
        assertThat(fired.watermarks()).containsExactly(100L, 150L);
    }

    @Test
    void aUnionForwardsTheMinimumOfItsInputs() {
        TestInput<Long> left = driver.input(Types.LONG);
        TestInput<Long> right = driver.input(Types.LONG);
        TestOutput<String> fired = timersOf(left.stream().union(right.stream()));

        left.add(40L);
        right.add(70L);
        left.advanceWatermark(100);
        right.advanceWatermark(50);
        assertThat(fired.values()).containsExactly("1@40");
        assertThat(fired.currentWatermark()).isEqualTo(50);

        right.advanceWatermark(80);
        assertThat(fired.values()).containsExactly("1@40", "1@70");
        assertThat(fired.currentWatermark()).isEqualTo(80);

        right.end(); // an ended input is at the end of time: the other decides
        assertThat(fired.currentWatermark()).isEqualTo(100);
        left.advanceWatermark(120);
        assertThat(fired.currentWatermark()).isEqualTo(120);
    }

    @Test
    void connectedStreamsForwardTheMinimumOfTheirInputs() {
        TestInput<Long> numbers = driver.input(Types.LONG);
        TestInput<String> words = driver.input(Types.STRING);
        TestOutput<Long> both =
                driver.capture(numbers.stream().connect(words.stream()).map(new Lengths()));

        numbers.add(7L, 10);
        words.add("spate", 20);
        numbers.advanceWatermark(300);
        words.advanceWatermark(200);
        assertThat(both.watermarks()).containsExactly(200L);

        words.advanceWatermark(400);
        assertThat(both.watermarks()).containsExactly(200L, 300L);
        assertThat(both.records())
                .containsExactly(
                        new TestOutput.Record<>(7L, 10L), new TestOutput.Record<>(5L, 20L));
    }

    static final class Lengths implements CoMapFunction<Long, String, Long> {
        @Override
        public Long map1(Long value) {
            return value;
        }

        @Override
        public Long map2(String value) {
            return (long) value.length();
        }
    }

    @Test
    void anIdleInputDoesNotHoldBackTheOthersAndAnOperatorIsIdleWhenAllItsInputsAre() {
        TestInput<Long> left = driver.input(Types.LONG);
        TestInput<Long> right = driver.input(Types.LONG);
        TestOutput<String> fired = timersOf(left.stream().union(right.stream()));

        left.add(30L);
        left.advanceWatermark(100);
        assertThat(fired.values()).isEmpty();
        right.markIdle();
        assertThat(fired.values()).containsExactly("0@30");
        assertThat(fired.isIdle()).isFalse();

        left.markIdle();
        assertThat(fired.isIdle()).as("both inputs idle").isTrue();

        right.add(150L); // rejoins, with the watermark it had: none yet
        assertThat(fired.isIdle()).isFalse();
        left.advanceWatermark(200);
        assertThat(fired.currentWatermark()).as("held back by right again").isEqualTo(100);
        right.advanceWatermark(200);
        assertThat(fired.values()).containsExactly("0@30", "0@150");
    }

    @Test
    void theEndOfTheInputFiresEveryEventTimeTimerThroughEveryStage() {
        TestInput<Long> in = driver.input(Types.LONG, 2);
        DataStream<String> first = in.stream().keyBy(v -> v % 3).process(new TimerAtValue());
        TestOutput<String> second =
                driver.capture(
                        first.map(s -> Long.parseLong(s.substring(s.indexOf('@') + 1)))
                                .keyBy(v -> v % 2)
                                .process(new TimerAtValue())
                                .setParallelism(2));

        in.add(5L);
        in.add(Long.MAX_VALUE - 1);
        in.add(1_000_000_000_000L);
        in.advanceWatermark(10);
        assertThat(second.values()).containsExactly("1@5");

        in.end();
        assertThat(second.values())
                .containsExactlyInAnyOrder("1@5", "0@1000000000000", "0@" + (Long.MAX_VALUE - 1));
        assertThat(second.currentWatermark()).isEqualTo(Long.MAX_VALUE);
        assertThat(driver.isFinished()).isTrue();
    }
}
