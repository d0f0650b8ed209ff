package io.spate.tests.connect;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.ListState;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.OutputTag;
import io.spate.api.functions.co.KeyedBroadcastProcessFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Matches orders, keyed by currency, against rules broadcast to every subtask, exactly once per
 * (order, rule) pair whatever the interleaving: an order is kept in keyed state and matched against
 * the rules present when it arrives; a rule is stored in the broadcast state and matched against
 * the orders kept so far, through {@code applyToKeyedState}. Each order also sets an event-time
 * timer at its time, which reports it. Each subtask reports every rule it receives to {@link
 * #RULES_SEEN}.
 */
final class MatchRules extends KeyedBroadcastProcessFunction<String, Order, Rule, String> {
    private static final long serialVersionUID = 1L;

    static final MapStateDescriptor<String, Long> RULES =
            new MapStateDescriptor<>("rules", Types.STRING, Types.LONG);
    static final ListStateDescriptor<Order> ORDERS =
            new ListStateDescriptor<>("orders", TypeInfo.of(Order.class));
    static final OutputTag<String> RULES_SEEN = new OutputTag<>("rules-seen") {};

    private transient ListState<Order> orders;

    @Override
    public void open(OpenContext openContext) {
        orders = getRuntimeContext().getListState(ORDERS);
    }

    @Override
    public void processElement(Order order, ReadOnlyContext ctx, Collector<String> out)
            throws Exception {
        if (!order.currency().equals(ctx.getCurrentKey())) {
            throw new IllegalStateException(order + " under key " + ctx.getCurrentKey());
        }
        orders.add(order);
        for (Map.Entry<String, Long> rule : ctx.getBroadcastState(RULES).immutableEntries()) {
            if (order.amount() >= rule.getValue()) {
                out.collect(match(rule.getKey(), order));
            }
        }
        ctx.timerService().registerEventTimeTimer(order.time());
    }

    @Override
    public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out)
            throws Exception {
        ctx.getBroadcastState(RULES).put(rule.name(), rule.threshold());
        ctx.output(RULES_SEEN, rule.name() + "@" + getRuntimeContext().getIndexOfThisSubtask());
        ctx.applyToKeyedState(
                ORDERS,
                (currency, kept) -> {
                    for (Order order : kept.get()) {
                        if (!order.currency().equals(currency)) {
                            throw new IllegalStateException(order + " under key " + currency);
                        }
                        if (order.amount() >= rule.threshold()) {
                            out.collect(match(rule.name(), order));
                        }
                    }
                });
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
        out.collect("timer " + ctx.getCurrentKey() + "@" + timestamp);
    }

    static String match(String rule, Order order) {
        return rule + ":" + order.currency() + "@" + order.time() + ":" + order.amount();
    }

    /** What the function emits, computed plainly. */
    static List<String> reference(List<Order> orders, List<Rule> rules) {
        List<String> out = new ArrayList<>();
        for (Order o : orders) {
            for (Rule r : rules) {
                if (o.amount() >= r.threshold()) {
                    out.add(match(r.name(), o));
                }
            }
        }
        orders.stream()
                .map(o -> "timer " + o.currency() + "@" + o.time())
                .distinct()
                .forEach(out::add);
        return out;
    }
}
