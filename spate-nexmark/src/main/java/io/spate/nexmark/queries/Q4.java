package io.spate.nexmark.queries;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.ListState;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.DataStream;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.co.KeyedCoProcessFunction;
import io.spate.nexmark.model.Auction;
import io.spate.nexmark.model.Bid;
import io.spate.nexmark.model.Event;
import io.spate.nexmark.queries.Rows.CategoryAverage;
import java.util.ArrayList;
import java.util.List;

/**
 * q4, average closing price per category: for each auction the highest bid made while it was open
 * ({@code [dateTime, expires]}, both ends included), then per category the average of those prices
 * (truncating integer division) — a changelog of the table {@code (category, avg_final)}.
 *
 * <p>Two keyed steps. Per auction: the auction's window and the highest qualifying bid so far; bids
 * that arrive before their auction wait (one made in the auction's very millisecond still counts).
 * When the watermark passes the auction's end, no qualifying bid can come any more: the auction's
 * final price goes on and its state is cleared. Per category: the sum and count of final prices;
 * when the watermark moves on, a category whose average changed retracts its previous row and
 * inserts the new one, so the changelog stays small and its final table is the query's result.
 */
public final class Q4 implements NexmarkQuery {
    @Override
    public String name() {
        return "q4";
    }

    @Override
    public DataStream<CategoryAverage> apply(DataStream<Event> events) {
        DataStream<ClosedAuction> closed =
                Streams.auctions(events)
                        .connect(Streams.bids(events))
                        .keyBy(Auction::id, Bid::auction, Types.LONG)
                        .process(new ClosingPrice())
                        .returns(ClosedAuction.class)
                        .name("Closing price");
        return closed.keyBy(ClosedAuction::category, Types.LONG)
                .process(new AveragePerCategory())
                .returns(CategoryAverage.class)
                .name("q4");
    }

    /** An auction's category and its highest qualifying bid. */
    record ClosedAuction(long category, long finalPrice) {}

    /** The part of an auction the first step keeps. */
    record OpenAuction(long dateTime, long expires, long category) {}

    /** A bid that came before its auction: its time and price. */
    record EarlyBid(long dateTime, long price) {}

    static final class ClosingPrice
            extends KeyedCoProcessFunction<Long, Auction, Bid, ClosedAuction> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<OpenAuction> auction;
        private transient ValueState<Long> highest;
        private transient ListState<EarlyBid> early;

        @Override
        public void open(OpenContext context) {
            auction =
                    getRuntimeContext()
                            .getState(new ValueStateDescriptor<>("auction", OpenAuction.class));
            highest =
                    getRuntimeContext().getState(new ValueStateDescriptor<>("highest", Types.LONG));
            early =
                    getRuntimeContext()
                            .getListState(new ListStateDescriptor<>("early-bids", EarlyBid.class));
        }

        @Override
        public void processElement1(Auction a, Context ctx, Collector<ClosedAuction> out)
                throws Exception {
            OpenAuction open = new OpenAuction(a.dateTime(), a.expires(), a.category());
            auction.update(open);
            Iterable<EarlyBid> waiting = early.get();
            if (waiting != null) {
                for (EarlyBid b : waiting) {
                    offer(open, b.dateTime(), b.price());
                }
                early.clear();
            }
            // Every bid made at or before `expires` has arrived once the watermark passed it.
            ctx.timerService().registerEventTimeTimer(a.expires());
        }

        @Override
        public void processElement2(Bid b, Context ctx, Collector<ClosedAuction> out)
                throws Exception {
            OpenAuction open = auction.value();
            if (open != null) {
                offer(open, b.dateTime(), b.price());
            } else {
                // The auction may still come with this very timestamp; once the watermark passed
                // the bid's time without it, the auction started later and the bid cannot count.
                early.add(new EarlyBid(b.dateTime(), b.price()));
                ctx.timerService().registerEventTimeTimer(b.dateTime());
            }
        }

        private void offer(OpenAuction open, long time, long price) throws Exception {
            if (time >= open.dateTime() && time <= open.expires()) {
                Long max = highest.value();
                if (max == null || price > max) {
                    highest.update(price);
                }
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<ClosedAuction> out)
                throws Exception {
            OpenAuction open = auction.value();
            if (open == null) {
                // The watermark passed `timestamp` and the auction has not come: it starts later,
                // so the bids made until now cannot count for it.
                List<EarlyBid> later = new ArrayList<>();
                Iterable<EarlyBid> waiting = early.get();
                if (waiting != null) {
                    for (EarlyBid b : waiting) {
                        if (b.dateTime() > timestamp) {
                            later.add(b);
                        }
                    }
                }
                early.update(later);
                return;
            }
            if (timestamp < open.expires()) {
                return; // an early bid's timer; the auction is still open
            }
            Long max = highest.value();
            if (max != null) {
                out.collect(new ClosedAuction(open.category(), max));
            }
            auction.clear();
            highest.clear();
        }
    }

    static final class AveragePerCategory
            extends KeyedProcessFunction<Long, ClosedAuction, CategoryAverage> {
        private static final long serialVersionUID = 1L;

        /** {@code [sum, count, emitted average, 1 if an average was emitted]}. */
        private transient ValueState<long[]> totals;

        @Override
        public void open(OpenContext context) {
            totals =
                    getRuntimeContext()
                            .getState(new ValueStateDescriptor<>("totals", long[].class));
        }

        @Override
        public void processElement(ClosedAuction c, Context ctx, Collector<CategoryAverage> out)
                throws Exception {
            long[] t = totals.value();
            if (t == null) {
                t = new long[4];
            }
            t[0] += c.finalPrice();
            t[1]++;
            totals.update(t);
            // Emit when the watermark moves past this record: one change per category and step.
            ctx.timerService().registerEventTimeTimer(ctx.timestamp());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<CategoryAverage> out)
                throws Exception {
            long[] t = totals.value();
            long average = t[0] / t[1];
            if (t[3] == 1 && t[2] == average) {
                return;
            }
            if (t[3] == 1) {
                out.collect(new CategoryAverage(ctx.getCurrentKey(), t[2], true));
            }
            out.collect(new CategoryAverage(ctx.getCurrentKey(), average, false));
            t[2] = average;
            t[3] = 1;
            totals.update(t);
        }
    }
}
