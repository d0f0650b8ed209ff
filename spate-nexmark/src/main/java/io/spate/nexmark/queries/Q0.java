package io.spate.nexmark.queries;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.FlatMapFunction;
import io.spate.api.datastream.DataStream;
import io.spate.nexmark.model.Bid;
import io.spate.nexmark.model.Event;
import io.spate.nexmark.queries.Rows.BidRow;

/** q0, pass-through: every bid's {@code (auction, bidder, price, dateTime, extra)}. */
public final class Q0 implements NexmarkQuery {
    @Override
    public String name() {
        return "q0";
    }

    @Override
    public DataStream<BidRow> apply(DataStream<Event> events) {
        return events.flatMap(new ToRow()).returns(BidRow.class).name("q0");
    }

    /** Keeps the bids and makes their rows in one step, straight from the events. */
    static final class ToRow implements FlatMapFunction<Event, BidRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(Event event, Collector<BidRow> out) {
            if (event instanceof Bid b) {
                out.collect(
                        new BidRow(b.auction(), b.bidder(), b.price(), b.dateTime(), b.extra()));
            }
        }
    }
}
