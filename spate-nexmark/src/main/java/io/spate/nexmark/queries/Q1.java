package io.spate.nexmark.queries;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.FlatMapFunction;
import io.spate.api.datastream.DataStream;
import io.spate.nexmark.model.Bid;
import io.spate.nexmark.model.Event;
import io.spate.nexmark.queries.Rows.ConvertedBid;

/**
 * q1, currency conversion: every bid with its price multiplied by 0.908, exactly (as a decimal with
 * three fraction digits).
 */
public final class Q1 implements NexmarkQuery {
    @Override
    public String name() {
        return "q1";
    }

    @Override
    public DataStream<ConvertedBid> apply(DataStream<Event> events) {
        return events.flatMap(new Convert()).returns(ConvertedBid.class).name("q1");
    }

    /** Keeps the bids and makes their rows in one step, straight from the events. */
    static final class Convert implements FlatMapFunction<Event, ConvertedBid> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(Event event, Collector<ConvertedBid> out) {
            if (event instanceof Bid b) {
                // price × 0.908 = price × 908 thousandths; prices stay far below 2^63 / 908.
                out.collect(
                        new ConvertedBid(
                                b.auction(), b.bidder(), b.price() * 908, b.dateTime(), b.extra()));
            }
        }
    }
}
