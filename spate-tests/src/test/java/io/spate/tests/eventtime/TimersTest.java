package io.spate.tests.eventtime;

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
import io.spate.api.functions.ProcessFunction;
import io.spate.testutils.PipelineTestDriver;
import io.spate.testutils.TestInput;
import io.spate.testutils.TestOutput;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Timers of a {@link KeyedProcessFunction}: per key, deduplicated, deletable, firing with their
 * time domain and key, processing time read from the engine's clock; and side outputs of process
 * functions.
 */
class TimersTest {
    private final PipelineTestDriver driver = new PipelineTestDriver(2);
    private final TestInput<String> in = driver.input(Types.STRING, 2);

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    /**
     * Commands: {@code "key:e:<time>"} registers an event-time timer, {@code "key:p:<time>"} a
     * processing-time one; {@code "key:-e:<time>"} and {@code "key:-p:<time>"} delete them. A timer
     * emits {@code key DOMAIN time (state)}, where state is the key's last command.
     */
    static final class Commands extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<String> last;

        @Override
        public void open(OpenContext ctx) {
            last = getRuntimeContext().getState(new ValueStateDescriptor<>("last", Types.STRING));
        }

        @Override
        public void processElement(String command, Context ctx, Collector<String> out)
                throws Exception {
            String[] parts = command.split(":");
            long time = Long.parseLong(parts[2]);
            switch (parts[1]) {
                case "e":
                    ctx.timerService().registerEventTimeTimer(time);
                    break;
                case "p":
                    ctx.timerService().registerProcessingTimeTimer(time);
                    break;
                case "-e":
                    ctx.timerService().deleteEventTimeTimer(time);
                    break;
                case "-p":
                    ctx.timerService().deleteProcessingTimeTimer(time);
                    break;
                default:
                    throw new IllegalArgumentException(command);
            }
            last.update(command);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out)
                throws Exception {
            out.collect(
                    ctx.getCurrentKey()
                            + " "
                            + ctx.timeDomain()
                            + " "
                            + timestamp
                            + " ("
                            + last.value()
                            + ")");
        }
    }

    private TestOutput<String> commands() {
        return driver.capture(in.stream().keyBy(c -> c.split(":")[0]).process(new Commands()));
    }

    @Test
    void eventTimeTimersFirePerKeyInTimeOrderWithTheirKeyCurrent() {
        TestOutput<String> out = commands();

        in.add("a:e:30");
        in.add("b:e:10");
        in.add("a:e:20");
        in.add("c:e:99");
        in.advanceWatermark(30);

        assertThat(out.values())
                .containsExactlyInAnyOrder(
                        "a EVENT_TIME 20 (a:e:20)",
                        "a EVENT_TIME 30 (a:e:20)",
                        "b EVENT_TIME 10 (b:e:10)");
        assertThat(out.values())
                .filteredOn(s -> s.startsWith("a "))
                .containsExactly("a EVENT_TIME 20 (a:e:20)", "a EVENT_TIME 30 (a:e:20)");
        assertThat(out.records())
                .filteredOn(r -> r.value().startsWith("b "))
                .extracting(TestOutput.Record::timestamp)
                .as("a timer's output carries the timer's time")
                .containsExactly(10L);
    }

    @Test
    void aTimerRegisteredTwiceFiresOnce() {
        TestOutput<String> out = commands();

        in.add("a:e:10");
        in.add("a:e:10");
        in.add("a:p:500");
        in.add("a:p:500");
        in.advanceWatermark(10);
        driver.advanceProcessingTime(Duration.ofSeconds(1));

        assertThat(out.values())
                .containsExactly("a EVENT_TIME 10 (a:p:500)", "a PROCESSING_TIME 500 (a:p:500)");
    }

    @Test
    void aDeletedTimerDoesNotFire() {
        TestOutput<String> out = commands();

        in.add("a:e:10");
        in.add("a:e:20");
        in.add("a:-e:10");
        in.add("a:p:100");
        in.add("a:p:200");
        in.add("a:-p:100");
        in.add("b:-e:20"); // another key's timer is not touched
        in.advanceWatermark(50);
        driver.advanceProcessingTime(Duration.ofMillis(300));

        assertThat(out.values())
                .containsExactly("a EVENT_TIME 20 (a:-p:100)", "a PROCESSING_TIME 200 (a:-p:100)");
    }

    @Test
    void processingTimeTimersFollowTheEnginesClock() {
        TestOutput<String> out = commands();
        driver.advanceProcessingTime(Duration.ofSeconds(10));

        in.add("a:p:10500");
        in.add("b:p:10200");
        driver.advanceProcessingTime(Duration.ofMillis(199));
        assertThat(out.values()).isEmpty();
        driver.advanceProcessingTime(Duration.ofMillis(1));
        assertThat(out.values()).containsExactly("b PROCESSING_TIME 10200 (b:p:10200)");
        driver.advanceProcessingTime(Duration.ofSeconds(1));
        assertThat(out.values())
                .containsExactly(
                        "b PROCESSING_TIME 10200 (b:p:10200)",
                        "a PROCESSING_TIME 10500 (a:p:10500)");
        assertThat(out.records())
                .extracting(TestOutput.Record::timestamp)
                .as("processing-time output has no event time")
                .containsOnlyNulls();
    }

    @Test
    void processingTimeTimersOfABoundedInputDoNotOutliveIt() {
        TestOutput<String> out = commands();

        in.add("a:p:1000");
        in.add("a:e:1000");
        in.end();
        driver.advanceProcessingTime(Duration.ofSeconds(5));

        assertThat(out.values()).containsExactly("a EVENT_TIME 1000 (a:e:1000)");
    }

    /** Reports the processing time and the watermark a function sees. */
    static final class Clocks extends KeyedProcessFunction<String, String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            out.collect(
                    value
                            + " at "
                            + ctx.currentProcessingTime()
                            + " watermark "
                            + ctx.timerService().currentWatermark());
        }
    }

    @Test
    void functionsReadProcessingTimeFromTheEnginesClockAndTheirWatermark() {
        TestOutput<String> out =
                driver.capture(in.stream().keyBy(s -> s).process(new Clocks()).setParallelism(1));

        in.advanceWatermark(70);
        driver.advanceProcessingTime(Duration.ofMillis(1234));
        in.add("x");

        assertThat(out.values()).containsExactly("x at 1234 watermark 70");
    }

    static final OutputTag<Integer> LENGTHS = new OutputTag<>("lengths") {};
    static final OutputTag<String> FIRED = new OutputTag<>("fired") {};

    /** Upper-cases words; their lengths go to a side output. */
    static final class SplitWords extends ProcessFunction<String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            out.collect(value.toUpperCase(java.util.Locale.ROOT));
            ctx.output(LENGTHS, value.length());
        }
    }

    /** Reports fired timers on a side output, and nothing on the main output. */
    static final class SideTimers extends KeyedProcessFunction<String, String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            ctx.output(FIRED, ctx.getCurrentKey() + "@" + timestamp);
        }
    }

    @Test
    void processFunctionsEmitToTypedSideOutputs() {
        SingleOutputStreamOperator<String> upper = in.stream().process(new SplitWords());
        TestOutput<String> main = driver.capture(upper);
        TestOutput<Integer> lengths = driver.capture(upper.getSideOutput(LENGTHS));
        SingleOutputStreamOperator<String> timers = upper.keyBy(s -> s).process(new SideTimers());
        TestOutput<String> fired = driver.capture(timers.getSideOutput(FIRED));
        TestOutput<String> none = driver.capture(timers);

        in.add("spate", 10);
        in.add("go", 20);
        in.advanceWatermark(25);

        assertThat(main.values()).containsExactlyInAnyOrder("SPATE", "GO");
        assertThat(lengths.records())
                .containsExactlyInAnyOrder(
                        new TestOutput.Record<>(5, 10L), new TestOutput.Record<>(2, 20L));
        assertThat(fired.records())
                .containsExactlyInAnyOrder(
                        new TestOutput.Record<>("SPATE@11", 11L),
                        new TestOutput.Record<>("GO@21", 21L));
        assertThat(none.values()).isEmpty();
        assertThat(fired.currentWatermark()).as("side outputs carry watermarks").isEqualTo(25);
    }

    /** Tries to register a timer without a key. */
    static final class TimerWithoutKey extends ProcessFunction<String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(1);
        }
    }

    @Test
    void timersNeedAKeyedStream() {
        driver.capture(in.stream().process(new TimerWithoutKey()).name("Keyless"));

        assertThatThrownBy(() -> in.add("x"))
                .isInstanceOf(OperatorException.class)
                .hasMessageContaining("'Keyless'")
                .hasRootCauseInstanceOf(UnsupportedOperationException.class)
                .rootCause()
                .hasMessageContaining("keyBy");
    }
}
