package io.spate.testutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.OutputTag;
import io.spate.api.functions.co.CoMapFunction;
import org.junit.jupiter.api.Test;

class TwoInputOperatorTestHarnessTest {

    @Test
    void feedsEachInputOnItsOwnAndCombinesTheirWatermarks() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        Types.INT, Types.STRING, (a, b) -> a.connect(b).map(new Describe()))) {
            h.processElement2("x", 3);
            h.processElement1(1, 4);
            h.processWatermark1(10);
            h.processWatermark2(7);
            h.endInput2();
            h.processElement1(2);
            h.endInput();
            assertThat(h.getOutput())
                    .containsExactly(
                            new OperatorTestHarness.Record<>("2:x", 3L),
                            new OperatorTestHarness.Record<>("1:1", 4L),
                            new OperatorTestHarness.Record<>("1:2", null));
            assertThat(h.getWatermarks()).containsExactly(7L, 10L, Long.MAX_VALUE);
            assertThat(h.numberOfKeyedStateEntries()).isZero();
        }
    }

    @Test
    void anEndedInputTakesNoMoreInput() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        Types.INT, Types.STRING, (a, b) -> a.connect(b).map(new Describe()))) {
            h.endInput1();
            assertThatThrownBy(() -> h.processElement1(1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has ended");
            h.processElement2("still open");
            assertThat(h.getOutputValues()).containsExactly("2:still open");
        }
    }

    @Test
    void codeThatIsNotOneTwoInputChainIsRefused() {
        assertThatThrownBy(
                        () ->
                                TwoInputOperatorTestHarness.of(
                                        Types.INT,
                                        Types.INT,
                                        (a, b) -> a.union(b).keyBy(i -> i).map(i -> i + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("headed by a two-input operator");
    }

    @Test
    void onlyCapturedSideOutputsCanBeRead() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        Types.INT, Types.STRING, (a, b) -> a.connect(b).map(new Describe()))) {
            assertThatThrownBy(() -> h.getSideOutput(new OutputTag<>("late", Types.STRING)))
                    .hasMessageContaining("not captured");
        }
    }

    static final class Describe implements CoMapFunction<Integer, String, String> {
        @Override
        public String map1(Integer value) {
            return "1:" + value;
        }

        @Override
        public String map2(String value) {
            return "2:" + value;
        }
    }
}
