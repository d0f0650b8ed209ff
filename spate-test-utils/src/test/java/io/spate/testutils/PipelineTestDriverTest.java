package io.spate.testutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.OutputTag;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.execution.OperatorException;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.TimeDomain;
import io.spate.testutils.TestOutput.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelineTestDriverTest {
    static final OutputTag<String> LATE = new OutputTag<>("late") {};

    private final List<PipelineTestDriver> drivers = new ArrayList<>();

    private PipelineTestDriver driver(int parallelism) {
        PipelineTestDriver d = new PipelineTestDriver(parallelism);
        drivers.add(d);
        return d;
    }

    @AfterEach
    void closeDrivers() throws Exception {
        for (PipelineTestDriver d : drivers) {
            d.close();
        }
    }

    /** Sums per key; emits the sum of a key when the watermark passes its timer (ts + 10). */
    static final class SumUntilQuiet extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<Integer> sum;

        @Override
        public void open(OpenContext ctx) {
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.INT));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out)
                throws Exception {
            if (ctx.timestamp() <= ctx.timerService().currentWatermark()) {
                ctx.output(LATE, value + "@" + ctx.timestamp());
                return;
            }
            sum.update((sum.value() == null ? 0 : sum.value()) + value.length());
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out)
                throws Exception {
            if (sum.value() != null) {
                out.collect(ctx.getCurrentKey() + "=" + sum.value());
                sum.clear();
            }
        }
    }

    @Test
    void recordsKeepTheirTimestampsThroughAChain() {
        PipelineTestDriver driver = driver(1);
        TestInput<String> in = driver.input(Types.STRING);
        TestOutput<Integer> out =
                driver.capture(in.stream().map(String::length).filter(n -> n > 0));

        in.add("spate", 5);
        in.add("");
        in.add("go");

        assertThat(out.records()).containsExactly(new Record<>(5, 5L), new Record<>(2, null));
        assertThat(out.values()).containsExactly(5, 2);
    }

    @Test
    void aKeyedParallelPipelineWithSideOutputsRunsCallByCall() {
        PipelineTestDriver driver = driver(2);
        TestInput<String> in = driver.input(Types.STRING, 2);
        SingleOutputStreamOperator<String> sums =
                in.stream().keyBy(w -> w.substring(0, 1)).process(new SumUntilQuiet()).name("Sums");
        TestOutput<String> out = driver.capture(sums);
        TestOutput<String> late = driver.capture(sums.getSideOutput(LATE));

        in.split(0).add("apple", 100);
        in.split(1).add("banana", 101);
        in.split(1).add("blueberry", 103);
        in.advanceWatermark(112);
        assertThat(out.values()).containsExactlyInAnyOrder("a=5", "b=15");
        assertThat(out.currentWatermark()).isEqualTo(112);

        in.split(0).add("apricot", 90); // behind the watermark
        assertThat(late.values()).containsExactly("apricot@90");
        assertThat(late.records()).containsExactly(new Record<>("apricot@90", 90L));

        out.clear();
        in.split(1).add("avocado", 200);
        assertThat(out.values()).isEmpty();
        in.end();
        assertThat(out.values()).containsExactly("a=7");
        assertThat(out.currentWatermark()).isEqualTo(Long.MAX_VALUE);
        assertThat(out.hasEnded()).isTrue();
        assertThat(driver.isFinished()).isTrue();
        assertThat(driver.getCounter("Sums.numRecordsIn")).isEqualTo(5);
    }

    @Test
    void theWatermarkIsTheMinimumOverTheSplitsThatAreNotIdle() {
        PipelineTestDriver driver = driver(2);
        TestInput<String> in = driver.input(Types.STRING, 2);
        TestOutput<String> out =
                driver.capture(in.stream().keyBy(w -> w).process(new SumUntilQuiet()));

        in.split(0).add("x", 10);
        in.split(0).advanceWatermark(100);
        assertThat(out.values()).as("split 1 holds event time back").isEmpty();
        assertThat(out.currentWatermark()).isEqualTo(Long.MIN_VALUE);

        in.split(1).advanceWatermark(25);
        assertThat(out.values()).containsExactly("x=1");
        assertThat(out.currentWatermark()).isEqualTo(25);

        in.split(1).markIdle();
        assertThat(out.currentWatermark()).as("the idle split is left out").isEqualTo(100);
        assertThat(in.split(1).isIdle()).isTrue();

        in.split(1).add("y", 101); // it rejoins with the watermark it had
        in.split(0).advanceWatermark(200);
        assertThat(out.currentWatermark()).isEqualTo(100);
        assertThat(out.watermarks()).containsExactly(25L, 100L);
        in.split(1).advanceWatermark(300);
        assertThat(out.values()).containsExactly("x=1", "y=1");
        assertThat(out.watermarks()).containsExactly(25L, 100L, 200L);
    }

    @Test
    void aStreamIsIdleOnlyWhenEveryProducerIs() {
        PipelineTestDriver driver = driver(2);
        TestInput<String> in = driver.input(Types.STRING, 2);
        TestOutput<String> out = driver.capture(in.stream().map(String::trim));

        in.split(0).markIdle();
        assertThat(out.isIdle()).isFalse();
        in.split(1).markIdle();
        assertThat(out.isIdle()).isTrue();
        in.split(0).add("back", 1);
        assertThat(out.isIdle()).isFalse();
    }

    /** Registers a processing-time timer 100 ms ahead, and again from each firing. */
    static final class Ticker extends KeyedProcessFunction<String, String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            ctx.timerService()
                    .registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 100);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(
                    ctx.getCurrentKey()
                            + " "
                            + ctx.timeDomain()
                            + " "
                            + timestamp
                            + " at "
                            + ctx.timerService().currentProcessingTime());
            if (timestamp < 300) {
                ctx.timerService().registerProcessingTimeTimer(timestamp + 100);
            }
        }
    }

    @Test
    void processingTimeStopsAtEveryTimerOnTheWay() {
        PipelineTestDriver driver = driver(1);
        TestInput<String> in = driver.input(Types.STRING);
        TestOutput<String> out = driver.capture(in.stream().keyBy(s -> s).process(new Ticker()));

        in.add("t");
        driver.advanceProcessingTime(Duration.ofMillis(99));
        assertThat(out.values()).isEmpty();
        driver.advanceProcessingTime(Duration.ofSeconds(1));

        assertThat(out.values())
                .containsExactly(
                        "t " + TimeDomain.PROCESSING_TIME + " 100 at 100",
                        "t " + TimeDomain.PROCESSING_TIME + " 200 at 200",
                        "t " + TimeDomain.PROCESSING_TIME + " 300 at 300");
        assertThat(driver.currentProcessingTime()).isEqualTo(1099);
    }

    @Test
    void realSourcesRunInTheDriverToo() {
        PipelineTestDriver driver = driver(2);
        TestOutput<Long> out =
                driver.capture(
                        driver.env().fromSequence(1, 100).map(v -> v * 2).filter(v -> v > 190));

        driver.run();

        assertThat(out.values()).containsExactlyInAnyOrder(192L, 194L, 196L, 198L, 200L);
        assertThat(out.currentWatermark()).isEqualTo(Long.MAX_VALUE);
        assertThat(driver.isFinished()).isTrue();
    }

    @Test
    void anInputCanBeCapturedDirectlyAndTwice() {
        PipelineTestDriver driver = driver(1);
        TestInput<Integer> in = driver.input(Types.INT, 3);
        TestOutput<Integer> first = driver.capture(in.stream());
        TestOutput<Integer> second = driver.capture(in.stream());

        for (int i = 0; i < 6; i++) {
            in.add(i, i);
        }
        in.split(2).advanceWatermark(4);
        in.split(1).advanceWatermark(3);
        in.split(0).advanceWatermark(5);

        assertThat(first.values()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(second.values()).isEqualTo(first.values());
        assertThat(first.watermarks()).containsExactly(3L);
    }

    @Test
    void theSameCallsGiveTheSameResults() {
        List<List<Record<String>>> runs = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            PipelineTestDriver driver = driver(3);
            TestInput<String> in = driver.input(Types.STRING, 2);
            TestOutput<String> out =
                    driver.capture(
                            in.stream()
                                    .keyBy(w -> w.substring(0, 1))
                                    .process(new SumUntilQuiet())
                                    .map(s -> s + "!")
                                    .setParallelism(2));
            for (int i = 0; i < 200; i++) {
                in.add("w" + (char) ('a' + i % 7) + i, i);
                if (i % 20 == 19) {
                    in.advanceWatermark(i - 5);
                }
            }
            in.end();
            runs.add(out.records());
        }
        assertThat(runs.get(0)).hasSizeGreaterThan(5);
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        assertThat(runs.get(2)).isEqualTo(runs.get(0));
    }

    @Test
    void aFailureFailsTheCallThatCausedItAndTheDriver() {
        PipelineTestDriver driver = driver(1);
        TestInput<Integer> in = driver.input(Types.INT);
        TestOutput<Integer> out =
                driver.capture(
                        in.stream()
                                .map(
                                        i -> {
                                            if (i == 3) {
                                                throw new IllegalStateException("bad " + i);
                                            }
                                            return i;
                                        })
                                .name("Checker"));
        in.add(1);

        assertThatThrownBy(() -> in.add(3))
                .isInstanceOf(OperatorException.class)
                .hasMessageContaining("'Checker'")
                .hasRootCauseMessage("bad 3");
        assertThatThrownBy(() -> in.add(4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed earlier");
        assertThat(out.values()).containsExactly(1);
    }

    @Test
    void thePipelineCannotChangeOnceItRuns() {
        PipelineTestDriver driver = driver(1);
        TestInput<Integer> in = driver.input(Types.INT);
        driver.capture(in.stream());
        in.add(1);

        assertThatThrownBy(() -> driver.input(Types.INT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has started");
        assertThatThrownBy(() -> driver.capture(in.stream()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEndedSplitTakesNoMoreAndAddGoesToTheOthers() {
        PipelineTestDriver driver = driver(1);
        TestInput<Integer> in = driver.input(Types.INT, 2);
        TestOutput<Integer> out = driver.capture(in.stream().map(i -> i * 10));

        in.split(0).end();
        in.add(1);
        in.add(2);
        assertThat(out.values()).containsExactly(10, 20);
        assertThatThrownBy(() -> in.split(0).add(3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("split 0 of Test input 1 has ended");
        in.end();
        assertThatThrownBy(() -> in.add(3)).hasMessageContaining("has ended");
        assertThat(driver.isFinished()).isTrue();
    }

    @Test
    void aTestInputCannotRunInAJob() {
        PipelineTestDriver driver = driver(1);
        TestInput<Integer> in = driver.input(Types.INT);
        in.stream().map(i -> i + 1).print();

        assertThatThrownBy(() -> driver.env().execute("not like this"))
                .hasStackTraceContaining("A test input is fed by its PipelineTestDriver");
    }

    @Test
    void aStreamFromAnotherEnvironmentCannotBeCaptured() {
        PipelineTestDriver driver = driver(1);
        PipelineTestDriver other = driver(1);
        TestInput<Integer> in = other.input(Types.INT);
        assertThatThrownBy(() -> driver.capture(in.stream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("driver.env()");
    }
}
