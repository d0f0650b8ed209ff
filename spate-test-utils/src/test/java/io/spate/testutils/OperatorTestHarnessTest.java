package io.spate.testutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.OutputTag;
import io.spate.api.execution.OperatorException;
import io.spate.api.functions.KeyedProcessFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorTestHarnessTest {

    @Test
    void mapsOneRecordAtATime() throws Exception {
        try (var h = OperatorTestHarness.of(Types.STRING, s -> s.map(String::length))) {
            h.processElement("spate");
            assertThat(h.getOutputValues()).containsExactly(5);
            h.processElement("", 42);
            h.endInput();
            assertThat(h.getOutput())
                    .containsExactly(
                            new OperatorTestHarness.Record<>(5, null),
                            new OperatorTestHarness.Record<>(0, 42L));
        }
    }

    @Test
    void flatMapWithManyOutputsPerRecordSurvivesAOneSlotOutput() throws Exception {
        try (var h =
                OperatorTestHarness.of(
                        Types.INT,
                        s ->
                                s.flatMap(
                                                (Integer n, Collector<Integer> out) -> {
                                                    for (int i = 0; i < n; i++) {
                                                        out.collect(i);
                                                    }
                                                })
                                        .returns(Types.INT)
                                        .filter(i -> i % 2 == 0))) {
            h.processElement(10);
            h.processElement(3);
            h.endInput();
            assertThat(h.getOutputValues()).containsExactly(0, 2, 4, 6, 8, 0, 2);
        }
    }

    @Test
    void keyedStateIsScopedToTheKey() throws Exception {
        try (var h =
                OperatorTestHarness.of(
                        Types.STRING,
                        s -> s.keyBy(w -> w).process(new CountPerKey()).returns(Types.STRING))) {
            for (String w : List.of("a", "b", "a", "a", "b")) {
                h.processElement(w);
            }
            h.endInput();
            assertThat(h.getOutputValues()).containsExactly("a=1", "b=1", "a=2", "a=3", "b=2");
        }
    }

    @Test
    void aFailingFunctionNamesTheOperator() throws Exception {
        try (var h =
                OperatorTestHarness.of(
                        Types.INT,
                        s ->
                                s.map(
                                                i -> {
                                                    if (i == 3) {
                                                        throw new IllegalStateException("bad " + i);
                                                    }
                                                    return i;
                                                })
                                        .name("Checker"))) {
            h.processElement(1);
            assertThatThrownBy(() -> h.processElement(3))
                    .isInstanceOf(OperatorException.class)
                    .hasMessageContaining("'Checker'")
                    .hasMessageContaining("subtask 1 of 1")
                    .hasRootCauseMessage("bad 3");
        }
    }

    static final class CountPerKey extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<Integer> count;

        @Override
        public void open(io.spate.api.common.functions.OpenContext ctx) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.INT));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out)
                throws Exception {
            int n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            out.collect(ctx.getCurrentKey() + "=" + n);
        }
    }

    static final OutputTag<String> LATE = new OutputTag<>("late") {};

    @Test
    void watermarksFireEventTimeTimersAndSideOutputsAreCaptured() throws Exception {
        try (var h =
                OperatorTestHarness.of(
                        Types.LONG,
                        s -> s.keyBy(v -> v % 2).process(new TimerPerKey()).returns(Types.STRING),
                        LATE)) {
            h.processElement(4L, 100);
            h.processElement(7L, 150);
            assertThat(h.getOutputValues()).isEmpty();
            h.processWatermark(120);
            assertThat(h.getOutputValues()).containsExactly("0@110");
            h.processElement(1L, 50); // behind the watermark
            assertThat(h.getSideOutput(LATE))
                    .containsExactly(new OperatorTestHarness.Record<>("late 1", 50L));
            h.advanceProcessingTime(java.time.Duration.ofSeconds(1));
            assertThat(h.getOutputValues()).containsExactly("0@110", "processing 1@1000");
            h.endInput();
            assertThat(h.getOutputValues()).containsExactly("0@110", "processing 1@1000", "1@160");
            assertThat(h.getWatermarks()).contains(120L, Long.MAX_VALUE);
        }
    }

    static final class TimerPerKey
            extends io.spate.api.functions.KeyedProcessFunction<Long, Long, String> {
        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) {
            if (ctx.timestamp() <= ctx.timerService().currentWatermark()) {
                ctx.output(LATE, "late " + value);
                ctx.timerService().registerProcessingTimeTimer(1000);
                return;
            }
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(
                    (ctx.timeDomain() == io.spate.api.functions.TimeDomain.PROCESSING_TIME
                                    ? "processing " + ctx.getCurrentKey()
                                    : "" + ctx.getCurrentKey())
                            + "@"
                            + timestamp);
        }
    }
}
