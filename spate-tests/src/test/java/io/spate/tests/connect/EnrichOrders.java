package io.spate.tests.connect;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.MapState;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.functions.TimeDomain;
import io.spate.api.functions.co.KeyedCoProcessFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An enrichment join on connected streams keyed by currency: each order is priced with the rate of
 * its currency valid at the order's time (the rate with the latest time at or before it). Rates and
 * orders come in any interleaving, so orders wait in keyed state until the watermark passes their
 * time, when every rate up to then has arrived; an event-time timer then prices them. Both inputs
 * share the key's state.
 */
final class EnrichOrders extends KeyedCoProcessFunction<String, Order, Rate, String> {
    private static final long serialVersionUID = 1L;

    private transient MapState<Long, List<Order>> orders;
    private transient MapState<Long, Long> rates;

    @Override
    public void open(OpenContext openContext) {
        orders =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "orders",
                                        Types.LONG,
                                        Types.LIST(TypeInfo.of(Order.class))));
        rates =
                getRuntimeContext()
                        .getMapState(new MapStateDescriptor<>("rates", Types.LONG, Types.LONG));
    }

    @Override
    public void processElement1(Order order, Context ctx, Collector<String> out) throws Exception {
        List<Order> waiting = orders.get(order.time());
        if (waiting == null) {
            waiting = new ArrayList<>();
        }
        waiting.add(order);
        orders.put(order.time(), waiting);
        ctx.timerService().registerEventTimeTimer(order.time());
    }

    @Override
    public void processElement2(Rate rate, Context ctx, Collector<String> out) throws Exception {
        rates.put(rate.time(), rate.rate());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out)
            throws Exception {
        if (ctx.timeDomain() != TimeDomain.EVENT_TIME || ctx.timestamp() != timestamp) {
            throw new IllegalStateException("unexpected timer context");
        }
        Long rate = null;
        long rateTime = Long.MIN_VALUE;
        for (Map.Entry<Long, Long> r : rates.entries()) {
            if (r.getKey() <= timestamp && r.getKey() >= rateTime) {
                rateTime = r.getKey();
                rate = r.getValue();
            }
        }
        for (Order o : orders.get(timestamp)) {
            if (!o.currency().equals(ctx.getCurrentKey())) {
                throw new IllegalStateException(o + " under key " + ctx.getCurrentKey());
            }
            out.collect(priced(o, rate));
        }
        orders.remove(timestamp);
    }

    static String priced(Order o, Long rate) {
        return o.currency()
                + "@"
                + o.time()
                + ":"
                + o.amount()
                + "x"
                + (rate == null ? "none" : rate.toString());
    }

    /** The same join, computed plainly. */
    static List<String> reference(List<Order> orders, List<Rate> rates) {
        List<String> out = new ArrayList<>();
        for (Order o : orders) {
            Rate best = null;
            for (Rate r : rates) {
                if (r.currency().equals(o.currency())
                        && r.time() <= o.time()
                        && (best == null || r.time() >= best.time())) {
                    best = r;
                }
            }
            out.add(priced(o, best == null ? null : best.rate()));
        }
        return out;
    }
}
