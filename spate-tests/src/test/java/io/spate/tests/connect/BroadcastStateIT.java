package io.spate.tests.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.source.lib.FromElementsSource;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.OutputTag;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.co.BroadcastProcessFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Broadcast state in real jobs: rules broadcast to every parallel instance of a keyed and of a
 * non-keyed operator; every instance sees every rule, and what they produce together equals a plain
 * computation, whatever the interleaving of rules and orders.
 */
class BroadcastStateIT {
    static final MapStateDescriptor<String, Long> RULES =
            new MapStateDescriptor<>("rules", Types.STRING, Types.LONG);
    static final OutputTag<String> SEEN = new OutputTag<>("seen") {};

    static List<Order> orders(Random random) {
        String[] currencies = {"EUR", "USD", "GBP", "JPY", "CHF", "SEK", "NOK", "DKK", "PLN"};
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            orders.add(
                    new Order(
                            currencies[random.nextInt(currencies.length)],
                            i + random.nextInt(20),
                            random.nextInt(1000)));
        }
        return orders;
    }

    static List<Rule> rules(Random random) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rules.add(new Rule("rule" + i, random.nextInt(1100)));
        }
        return rules;
    }

    static DataStream<Order> orderStream(StreamExecutionEnvironment env, List<Order> orders) {
        return env.fromSource(
                        new FromElementsSource<>(orders),
                        EveryEventWatermarks.strategy(20, (o, ts) -> o.time()),
                        "orders",
                        TypeInfo.of(Order.class))
                .setParallelism(1);
    }

    static DataStream<Rule> ruleStream(StreamExecutionEnvironment env, List<Rule> rules) {
        return env.fromCollection(rules, TypeInfo.of(Rule.class));
    }

    /** Each subtask must have seen each rule once. */
    static List<String> everySubtaskSawEveryRule(List<Rule> rules, int parallelism) {
        List<String> seen = new ArrayList<>();
        for (Rule r : rules) {
            for (int i = 0; i < parallelism; i++) {
                seen.add("seen " + r.name() + "@" + i);
            }
        }
        return seen;
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void rulesAppliedToAKeyedStreamEqualAPlainComputation(int parallelism) throws Exception {
        Random random = new Random(7 * parallelism);
        List<Order> orders = orders(random);
        List<Rule> rules = rules(random);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        SingleOutputStreamOperator<String> matched =
                orderStream(env, orders)
                        .keyBy(Order::currency)
                        .connect(ruleStream(env, rules).broadcast(MatchRules.RULES))
                        .process(new MatchRules())
                        .returns(Types.STRING);
        List<String> out =
                ConnectIT.collect(
                        matched.union(
                                matched.getSideOutput(MatchRules.RULES_SEEN)
                                        .map(s -> "seen " + s)
                                        .returns(Types.STRING)));

        List<String> expected = new ArrayList<>(MatchRules.reference(orders, rules));
        expected.addAll(everySubtaskSawEveryRule(rules, parallelism));
        assertThat(ConnectIT.sorted(out)).isEqualTo(ConnectIT.sorted(expected));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {2, 3})
    void everyInstanceOfANonKeyedOperatorHoldsAFullCopy(int parallelism) throws Exception {
        Random random = new Random(11 * parallelism);
        List<Rule> rules = new ArrayList<>(rules(random));
        rules.add(new Rule("report", 0));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        SingleOutputStreamOperator<String> out =
                env.fromSequence(1, 2000)
                        .connect(ruleStream(env, rules).broadcast(RULES))
                        .process(new ReportCopy())
                        .returns(Types.STRING);
        List<String> reports = ConnectIT.collect(out.union(out.getSideOutput(SEEN)));

        long sum = 0;
        for (Rule r : rules.subList(0, rules.size() - 1)) {
            sum += r.threshold();
        }
        List<String> expected =
                everySubtaskSawEveryRule(rules.subList(0, rules.size() - 1), parallelism);
        for (int i = 0; i < parallelism; i++) {
            expected.add("copy@" + i + ": " + (rules.size() - 1) + " rules, thresholds " + sum);
        }
        assertThat(ConnectIT.sorted(reports)).isEqualTo(ConnectIT.sorted(expected));
    }

    /**
     * Stores each rule and reports it to {@link #SEEN}; on the rule named "report", which comes
     * last, describes its copy of the broadcast state. Broadcast elements reach each instance in
     * the order they were sent, so every copy is complete then. The numbers only read the state.
     */
    static final class ReportCopy extends BroadcastProcessFunction<Long, Rule, String> {
        @Override
        public void processElement(Long value, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            if (ctx.getBroadcastState(RULES).contains("report")) {
                out.collect("the report rule is never stored");
            }
        }

        @Override
        public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out)
                throws Exception {
            var state = ctx.getBroadcastState(RULES);
            int subtask = getRuntimeContext().getIndexOfThisSubtask();
            if (rule.name().equals("report")) {
                int count = 0;
                long sum = 0;
                for (var e : state.immutableEntries()) {
                    count++;
                    sum += e.getValue();
                }
                out.collect("copy@" + subtask + ": " + count + " rules, thresholds " + sum);
                return;
            }
            state.put(rule.name(), rule.threshold());
            ctx.output(SEEN, "seen " + rule.name() + "@" + subtask);
        }
    }
}
