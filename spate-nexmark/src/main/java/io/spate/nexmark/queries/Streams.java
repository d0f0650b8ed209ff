package io.spate.nexmark.queries;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.FlatMapFunction;
import io.spate.api.datastream.DataStream;
import io.spate.nexmark.model.Auction;
import io.spate.nexmark.model.Bid;
import io.spate.nexmark.model.Event;
import io.spate.nexmark.model.Person;

/** The three views of the event stream the queries read: bids, auctions and persons. */
final class Streams {
    private Streams() {}

    static DataStream<Bid> bids(DataStream<Event> events) {
        return events.flatMap(new Only<>(Bid.class)).returns(Bid.class).name("Bids");
    }

    static DataStream<Auction> auctions(DataStream<Event> events) {
        return events.flatMap(new Only<>(Auction.class)).returns(Auction.class).name("Auctions");
    }

    static DataStream<Person> persons(DataStream<Event> events) {
        return events.flatMap(new Only<>(Person.class)).returns(Person.class).name("Persons");
    }

    /** Keeps the events of one kind. */
    private static final class Only<T extends Event> implements FlatMapFunction<Event, T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> kind;

        Only(Class<T> kind) {
            this.kind = kind;
        }

        @Override
        public void flatMap(Event event, Collector<T> out) {
            if (kind.isInstance(event)) {
                out.collect(kind.cast(event));
            }
        }
    }
}
