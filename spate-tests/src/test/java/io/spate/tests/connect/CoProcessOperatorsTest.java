package io.spate.tests.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.OutputTag;
import io.spate.api.execution.OperatorException;
import io.spate.api.functions.co.CoMapFunction;
import io.spate.api.functions.co.CoProcessFunction;
import io.spate.api.functions.co.KeyedCoProcessFunction;
import io.spate.api.functions.co.RichCoFlatMapFunction;
import io.spate.testutils.OperatorTestHarness.Record;
import io.spate.testutils.TwoInputOperatorTestHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The operators of connected streams, run call by call through the real runtime with one-slot
 * outputs, each input fed on its own: co-map, co-flat-map, co-process, keyed co-process, and how
 * the watermarks of two inputs combine.
 */
class CoProcessOperatorsTest {
    static final OutputTag<String> SIDE = new OutputTag<>("side") {};

    @Test
    void coMapSendsEachInputToItsMethodAndKeepsTimestamps() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        Types.LONG, Types.STRING, (a, b) -> a.connect(b).map(new Describe()))) {
            h.processElement1(1L, 10);
            h.processElement2("x", 20);
            h.processElement1(2L);
            h.endInput();
            assertThat(h.getOutput())
                    .containsExactly(
                            new Record<>("n1", 10L),
                            new Record<>("wx", 20L),
                            new Record<>("n2", null));
        }
    }

    @Test
    void coFlatMapWithAFanOutSurvivesAOneSlotOutputAndIsOpenedAndClosed() throws Exception {
        var h =
                TwoInputOperatorTestHarness.of(
                        Types.INT,
                        Types.STRING,
                        (a, b) -> a.connect(b).flatMap(new Repeat()).returns(Types.STRING));
        try (h) {
            h.processElement1(3, 7);
            h.processElement2("ab", 8);
            h.processElement1(0, 9);
            h.endInput();
            assertThat(h.getOutput())
                    .containsExactly(
                            new Record<>("0:0", 7L),
                            new Record<>("0:1", 7L),
                            new Record<>("0:2", 7L),
                            new Record<>("0:a", 8L),
                            new Record<>("0:b", 8L));
        }
        assertThat(h.metrics().snapshot()).containsEntry("opened", 1L).containsEntry("closed", 1L);
    }

    @Test
    void coProcessSeesTimestampsTimeAndSideOutputs() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        Types.LONG,
                        Types.STRING,
                        (a, b) -> a.connect(b).process(new Route()).returns(Types.STRING),
                        SIDE)) {
            h.processElement1(5L, 100);
            h.processWatermark(150);
            h.processElement2("w", 200);
            h.processElement1(-1L, 300);
            h.endInput();
            assertThat(h.getOutput())
                    .containsExactly(
                            new Record<>("1:5@100 wm=" + Long.MIN_VALUE, 100L),
                            new Record<>("2:w@200 wm=150", 200L));
            assertThat(h.getSideOutput(SIDE)).containsExactly(new Record<>("negative -1", 300L));
        }
    }

    @Test
    void timersOnNonKeyedConnectedStreamsAreRefusedClearly() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        Types.LONG,
                        Types.STRING,
                        (a, b) ->
                                a.connect(b)
                                        .process(new TimerOnNonKeyed())
                                        .returns(Types.STRING)
                                        .name("NoTimers"))) {
            assertThatThrownBy(() -> h.processElement1(1L, 10))
                    .isInstanceOf(OperatorException.class)
                    .hasMessageContaining("'NoTimers'")
                    .rootCause()
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("timers are not available")
                    .hasMessageContaining("keyBy(key1, key2)")
                    .hasMessageContaining("KeyedCoProcessFunction");
        }
    }

    @Test
    void aCoProcessFunctionOnKeyedInputsHasKeyedStateButRefusesTimers() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        Types.LONG,
                        Types.STRING,
                        (a, b) ->
                                a.connect(b)
                                        .keyBy(n -> "k" + n, s -> s, Types.STRING)
                                        .process(new CountOrTimer())
                                        .returns(Types.STRING))) {
            h.processElement1(1L);
            h.processElement2("k1");
            h.processElement2("k2");
            assertThat(h.getOutputValues()).containsExactly("k1=1", "k1=2", "k2=1");
            assertThatThrownBy(() -> h.processElement2("timer"))
                    .rootCause()
                    .hasMessageContaining("has no timers: use a KeyedCoProcessFunction");
        }
    }

    @Test
    void keyedCoProcessSharesStateAndTimersPerKeyBetweenBothInputs() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        TypeInfo.of(Order.class),
                        TypeInfo.of(Rate.class),
                        (orders, rates) ->
                                orders.connect(rates)
                                        .keyBy(Order::currency, Rate::currency)
                                        .process(new EnrichOrders())
                                        .returns(Types.STRING))) {
            h.processElement2(new Rate("EUR", 0, 10), 0);
            h.processElement1(new Order("EUR", 5, 1), 5);
            h.processElement1(new Order("USD", 5, 2), 5);
            h.processElement1(new Order("EUR", 8, 3), 8);
            // A rate that arrives after the orders but is older than them still applies.
            h.processElement2(new Rate("USD", 4, 20), 4);
            h.processElement2(new Rate("EUR", 7, 11), 7);
            h.processWatermark1(100);
            assertThat(h.getOutputValues()).as("the rates' watermark holds back").isEmpty();
            h.processWatermark2(5);
            assertThat(h.getOutputValues()).containsExactlyInAnyOrder("EUR@5:1x10", "USD@5:2x20");
            h.processWatermark2(8);
            assertThat(h.getOutputValues()).endsWith("EUR@8:3x11");
            assertThat(h.getOutput().get(2).timestamp()).isEqualTo(8L);
            assertThat(h.numberOfKeyedStateEntries())
                    .as("the rate maps of EUR and USD; no orders left")
                    .isEqualTo(2);
            h.endInput();
            assertThat(h.getOutputValues()).hasSize(3);
        }
    }

    @Test
    void keyedCoProcessTimersCarryTheirDomainAndKey() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        Types.LONG,
                        Types.STRING,
                        (a, b) ->
                                a.connect(b)
                                        .keyBy(n -> "k" + n, s -> s, Types.STRING)
                                        .process(new TimerPerInput())
                                        .returns(Types.STRING),
                        SIDE)) {
            h.processElement1(1L, 10); // event-time timer at 20 for k1
            h.processElement2("k2", 5); // processing-time timer at 1000 for k2
            h.processElement2("k1", 7); // processing-time timer at 1000 for k1
            h.processWatermark(19);
            assertThat(h.getOutputValues()).isEmpty();
            h.processWatermark(20);
            assertThat(h.getOutput()).containsExactly(new Record<>("EVENT_TIME k1@20", 20L));
            h.advanceProcessingTime(Duration.ofSeconds(1));
            assertThat(h.getOutputValues())
                    .containsExactlyInAnyOrder(
                            "EVENT_TIME k1@20",
                            "PROCESSING_TIME k2@1000",
                            "PROCESSING_TIME k1@1000");
            assertThat(h.getSideOutput(SIDE))
                    .containsExactly(
                            new Record<>("k2 from the second input", 5L),
                            new Record<>("k1 from the second input", 7L));
        }
    }

    @Test
    void theWatermarkIsTheMinimumOfBothInputsAndFollowsTheOtherOnceOneEnds() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        Types.LONG, Types.STRING, (a, b) -> a.connect(b).map(new Describe()))) {
            h.processWatermark1(10);
            assertThat(h.getWatermarks()).isEmpty();
            h.processWatermark2(5);
            assertThat(h.getWatermarks()).containsExactly(5L);
            h.processWatermark2(20);
            assertThat(h.getWatermarks()).containsExactly(5L, 10L);
            h.processWatermark1(8); // lower than before on that input: ignored
            h.processWatermark1(15);
            assertThat(h.getWatermarks()).containsExactly(5L, 10L, 15L);
            h.endInput1();
            assertThat(h.getWatermarks()).containsExactly(5L, 10L, 15L, 20L);
            h.processWatermark2(30);
            h.processElement2("still going", 31);
            h.processWatermark2(40);
            assertThat(h.getWatermarks()).containsExactly(5L, 10L, 15L, 20L, 30L, 40L);
            assertThat(h.getOutputValues()).containsExactly("wstill going");
            h.endInput();
            assertThat(h.getWatermarks()).endsWith(40L, Long.MAX_VALUE);
        }
    }

    @Test
    void eventTimeTimersOfAKeyedCoProcessFireWhenTheSlowerInputPassesThem() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        Types.LONG,
                        Types.STRING,
                        (a, b) ->
                                a.connect(b)
                                        .keyBy(n -> "k" + n, s -> s, Types.STRING)
                                        .process(new TimerPerInput())
                                        .returns(Types.STRING))) {
            h.processElement1(1L, 10);
            h.processElement1(2L, 30);
            h.processWatermark1(1000);
            h.processWatermark2(19);
            assertThat(h.getOutputValues()).isEmpty();
            h.processWatermark2(25);
            assertThat(h.getOutputValues()).containsExactly("EVENT_TIME k1@20");
            h.endInput2(); // the first input now alone sets event time: 1000
            assertThat(h.getOutputValues()).containsExactly("EVENT_TIME k1@20", "EVENT_TIME k2@40");
        }
    }

    static final class Describe implements CoMapFunction<Long, String, String> {
        @Override
        public String map1(Long value) {
            return "n" + value;
        }

        @Override
        public String map2(String value) {
            return "w" + value;
        }
    }

    /** n copies of a number's indexes, or a word's characters, prefixed with the subtask. */
    static final class Repeat extends RichCoFlatMapFunction<Integer, String, String> {
        private transient String prefix;

        @Override
        public void open(OpenContext openContext) {
            prefix = getRuntimeContext().getIndexOfThisSubtask() + ":";
            getRuntimeContext().getCounter("opened").inc();
        }

        @Override
        public void close() {
            getRuntimeContext().getCounter("closed").inc();
        }

        @Override
        public void flatMap1(Integer n, Collector<String> out) {
            for (int i = 0; i < n; i++) {
                out.collect(prefix + i);
            }
        }

        @Override
        public void flatMap2(String word, Collector<String> out) {
            for (char c : word.toCharArray()) {
                out.collect(prefix + c);
            }
        }
    }

    static final class Route extends CoProcessFunction<Long, String, String> {
        @Override
        public void processElement1(Long value, Context ctx, Collector<String> out) {
            if (value < 0) {
                ctx.output(SIDE, "negative " + value);
                return;
            }
            out.collect(
                    "1:"
                            + value
                            + "@"
                            + ctx.timestamp()
                            + " wm="
                            + ctx.timerService().currentWatermark());
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out) {
            out.collect(
                    "2:"
                            + value
                            + "@"
                            + ctx.timestamp()
                            + " wm="
                            + ctx.timerService().currentWatermark());
        }
    }

    static final class TimerOnNonKeyed extends CoProcessFunction<Long, String, String> {
        @Override
        public void processElement1(Long value, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 1);
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out) {}
    }

    /**
     * Counts per key over both inputs; "timer" asks for a timer, which a CoProcessFunction lacks.
     */
    static final class CountOrTimer extends CoProcessFunction<Long, String, String> {
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.INT));
        }

        @Override
        public void processElement1(Long value, Context ctx, Collector<String> out)
                throws Exception {
            count("k" + value, out);
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out)
                throws Exception {
            if (value.equals("timer")) {
                ctx.timerService().registerProcessingTimeTimer(1);
            }
            count(value, out);
        }

        private void count(String key, Collector<String> out) throws Exception {
            int n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            out.collect(key + "=" + n);
        }
    }

    /**
     * An event-time timer 10 after each element of the first input; a processing-time timer at 1000
     * for each of the second, which also reports to a side output.
     */
    static final class TimerPerInput extends KeyedCoProcessFunction<String, Long, String, String> {
        @Override
        public void processElement1(Long value, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out) {
            ctx.timerService().registerProcessingTimeTimer(1000);
            ctx.output(SIDE, ctx.getCurrentKey() + " from the second input");
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.timeDomain() + " " + ctx.getCurrentKey() + "@" + timestamp);
        }
    }
}
