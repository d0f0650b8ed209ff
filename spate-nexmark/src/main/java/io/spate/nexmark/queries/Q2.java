package io.spate.nexmark.queries;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.FlatMapFunction;
import io.spate.api.datastream.DataStream;
import io.spate.nexmark.model.Bid;
import io.spate.nexmark.model.Event;
import io.spate.nexmark.queries.Rows.AuctionPrice;

/**
 * q2, selection: {@code (auction, price)} of the bids on auctions whose id is a multiple of 123.
 */
public final class Q2 implements NexmarkQuery {
    @Override
    public String name() {
        return "q2";
    }

    @Override
    public DataStream<AuctionPrice> apply(DataStream<Event> events) {
        return events.flatMap(new Select()).returns(AuctionPrice.class).name("q2");
    }

    /** Filters and projects in one step, straight from the events. */
    static final class Select implements FlatMapFunction<Event, AuctionPrice> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(Event event, Collector<AuctionPrice> out) {
            if (event instanceof Bid b && b.auction() % 123 == 0) {
                out.collect(new AuctionPrice(b.auction(), b.price()));
            }
        }
    }
}
