package io.spate.tests.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.OutputTag;
import io.spate.api.execution.OperatorException;
import io.spate.api.functions.co.BroadcastProcessFunction;
import io.spate.api.functions.co.KeyedBroadcastProcessFunction;
import io.spate.testutils.OperatorTestHarness.Record;
import io.spate.testutils.TwoInputOperatorTestHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The broadcast process operators, driven call by call: broadcast state written by the broadcast
 * side and read by the other, keyed state reached from the broadcast side through {@code
 * applyToKeyedState}, timers, and the errors of misuse.
 */
class BroadcastOperatorsTest {
    static final TypeInfo<Order> ORDER = TypeInfo.of(Order.class);
    static final TypeInfo<Rule> RULE = TypeInfo.of(Rule.class);
    static final MapStateDescriptor<String, Long> THRESHOLDS =
            new MapStateDescriptor<>("thresholds", Types.STRING, Types.LONG);
    static final OutputTag<String> NO_RULE = new OutputTag<>("no-rule") {};

    @Test
    void theBroadcastSideWritesTheStateTheOtherSideReads() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        ORDER,
                        RULE,
                        (orders, rules) ->
                                orders.connect(rules.broadcast(THRESHOLDS))
                                        .process(new Threshold())
                                        .returns(Types.STRING),
                        NO_RULE)) {
            h.processElement1(new Order("EUR", 1, 5), 1);
            h.processElement2(new Rule("big", 10), 2);
            h.processElement1(new Order("EUR", 3, 12), 3);
            h.processElement1(new Order("EUR", 4, 9), 4);
            h.processElement2(new Rule("big", 8), 5); // replaces the rule
            h.processWatermark(6);
            h.processElement1(new Order("USD", 7, 9), 7);
            h.endInput();
            assertThat(h.getOutput())
                    .containsExactly(
                            new Record<>("rule big=10 at wm " + Long.MIN_VALUE, 2L),
                            new Record<>("EUR@3:12 matches big", 3L),
                            new Record<>("rule big=8 at wm " + Long.MIN_VALUE, 5L),
                            new Record<>("USD@7:9 matches big", 7L));
            assertThat(h.getSideOutput(NO_RULE)).containsExactly(new Record<>("EUR@1:5", 1L));
        }
    }

    @Test
    void theReadOnlySideCannotChangeTheState() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        ORDER,
                        RULE,
                        (orders, rules) ->
                                orders.connect(rules.broadcast(THRESHOLDS))
                                        .process(new RemoveWhileReading())
                                        .returns(Types.STRING))) {
            h.processElement2(new Rule("r", 1), 1);
            assertThatThrownBy(() -> h.processElement1(new Order("EUR", 1, 5), 1))
                    .isInstanceOf(OperatorException.class)
                    .rootCause()
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void anUndeclaredBroadcastStateIsRefusedNamingTheDeclaredOnes() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        ORDER,
                        RULE,
                        (orders, rules) ->
                                orders.connect(rules.broadcast(THRESHOLDS))
                                        .process(new UndeclaredState())
                                        .returns(Types.STRING)
                                        .name("Rules"))) {
            assertThatThrownBy(() -> h.processElement2(new Rule("r", 1), 1))
                    .rootCause()
                    .hasMessageContaining("Operator 'Rules' has no broadcast state 'other'")
                    .hasMessageContaining("broadcast(descriptor)")
                    .hasMessageContaining("[thresholds]");
        }
    }

    @Test
    void keyedBroadcastMatchesEveryPairOnceInAnyInterleaving() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        ORDER,
                        RULE,
                        (orders, rules) ->
                                orders.keyBy(Order::currency)
                                        .connect(rules.broadcast(MatchRules.RULES))
                                        .process(new MatchRules())
                                        .returns(Types.STRING),
                        MatchRules.RULES_SEEN)) {
            h.processElement1(new Order("EUR", 1, 5), 1);
            h.processElement1(new Order("USD", 2, 50), 2);
            h.processElement2(new Rule("small", 1), 3); // matches both kept orders
            h.processElement1(new Order("EUR", 4, 20), 4); // matches "small" at once
            h.processElement2(new Rule("big", 10), 5); // matches USD@2 and EUR@4
            h.processWatermark(3);
            assertThat(h.getOutputValues())
                    .containsExactlyInAnyOrder(
                            "small:EUR@1:5",
                            "small:USD@2:50",
                            "small:EUR@4:20",
                            "big:USD@2:50",
                            "big:EUR@4:20",
                            "timer EUR@1",
                            "timer USD@2");
            h.endInput();
            assertThat(h.getOutputValues()).endsWith("timer EUR@4");
            assertThat(h.getSideOutput(MatchRules.RULES_SEEN))
                    .containsExactly(new Record<>("small@0", 3L), new Record<>("big@0", 5L));
        }
    }

    @Test
    void applyToKeyedStateMayClearTheStateOfEveryKey() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        ORDER,
                        RULE,
                        (orders, rules) ->
                                orders.keyBy(Order::currency)
                                        .connect(rules.broadcast(THRESHOLDS))
                                        .process(new CountAndReset())
                                        .returns(Types.STRING))) {
            h.processElement1(new Order("EUR", 1, 5));
            h.processElement1(new Order("EUR", 2, 5));
            h.processElement1(new Order("USD", 3, 5));
            assertThat(h.numberOfKeyedStateEntries()).isEqualTo(2);
            h.processElement2(new Rule("reset", 0));
            assertThat(h.numberOfKeyedStateEntries()).isZero();
            h.processElement1(new Order("EUR", 4, 5));
            assertThat(h.getOutputValues())
                    .containsExactly(
                            "EUR=1", "EUR=2", "USD=1", "reset EUR=2", "reset USD=1", "EUR=1");
        }
    }

    @Test
    void keyedStateUsedDirectlyOnTheBroadcastSideFailsClearly() throws Exception {
        try (var h =
                TwoInputOperatorTestHarness.of(
                        ORDER,
                        RULE,
                        (orders, rules) ->
                                orders.keyBy(Order::currency)
                                        .connect(rules.broadcast(THRESHOLDS))
                                        .process(new KeyedStateOnBroadcastSide())
                                        .returns(Types.STRING))) {
            h.processElement1(new Order("EUR", 1, 5));
            assertThatThrownBy(() -> h.processElement2(new Rule("r", 0)))
                    .rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("outside the processing of a key")
                    .hasMessageContaining("applyToKeyedState");
        }
    }

    /** Passes orders at or above the threshold of the (single) rule; reports rule changes. */
    static final class Threshold extends BroadcastProcessFunction<Order, Rule, String> {
        @Override
        public void processElement(Order order, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            var rules = ctx.getBroadcastState(THRESHOLDS);
            String text = order.currency() + "@" + order.time() + ":" + order.amount();
            if (rules.isEmpty()) {
                ctx.output(NO_RULE, text);
                return;
            }
            for (Map.Entry<String, Long> rule : rules.immutableEntries()) {
                if (order.amount() >= rule.getValue()) {
                    out.collect(text + " matches " + rule.getKey());
                }
            }
        }

        @Override
        public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out)
                throws Exception {
            ctx.getBroadcastState(THRESHOLDS).put(rule.name(), rule.threshold());
            out.collect(
                    "rule "
                            + rule.name()
                            + "="
                            + ctx.getBroadcastState(THRESHOLDS).get(rule.name())
                            + " at wm "
                            + ctx.currentWatermark());
        }
    }

    static final class RemoveWhileReading extends BroadcastProcessFunction<Order, Rule, String> {
        @Override
        public void processElement(Order order, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            var it = ctx.getBroadcastState(THRESHOLDS).immutableEntries().iterator();
            it.next();
            it.remove();
        }

        @Override
        public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out)
                throws Exception {
            ctx.getBroadcastState(THRESHOLDS).put(rule.name(), rule.threshold());
        }
    }

    static final class UndeclaredState extends BroadcastProcessFunction<Order, Rule, String> {
        @Override
        public void processElement(Order order, ReadOnlyContext ctx, Collector<String> out) {}

        @Override
        public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out)
                throws Exception {
            ctx.getBroadcastState(new MapStateDescriptor<>("other", Types.STRING, Types.LONG))
                    .put(rule.name(), rule.threshold());
        }
    }

    /** Counts orders per currency; every rule reports and resets all counts. */
    static final class CountAndReset
            extends KeyedBroadcastProcessFunction<String, Order, Rule, String> {
        static final ValueStateDescriptor<Integer> COUNT =
                new ValueStateDescriptor<>("count", Types.INT);
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(COUNT);
        }

        @Override
        public void processElement(Order order, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            int n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            out.collect(ctx.getCurrentKey() + "=" + n);
        }

        @Override
        public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out)
                throws Exception {
            java.util.List<String> seen = new java.util.ArrayList<>();
            ctx.applyToKeyedState(
                    COUNT,
                    (currency, state) -> {
                        seen.add(rule.name() + " " + currency + "=" + state.value());
                        state.clear();
                    });
            seen.sort(null);
            seen.forEach(out::collect);
        }
    }

    static final class KeyedStateOnBroadcastSide
            extends KeyedBroadcastProcessFunction<String, Order, Rule, String> {
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.INT));
        }

        @Override
        public void processElement(Order order, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            count.update(1);
        }

        @Override
        public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out)
                throws Exception {
            count.value();
        }
    }
}
