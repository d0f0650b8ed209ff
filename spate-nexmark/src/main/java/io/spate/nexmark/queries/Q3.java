package io.spate.nexmark.queries;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.ListState;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.DataStream;
import io.spate.api.functions.co.KeyedCoProcessFunction;
import io.spate.nexmark.model.Auction;
import io.spate.nexmark.model.Event;
import io.spate.nexmark.model.Person;
import io.spate.nexmark.queries.Rows.LocalItem;

/**
 * q3, local item suggestion: auctions of category 10 joined with their sellers from Oregon, Idaho
 * or California — a regular join over the whole stream, each matching (auction, seller) pair
 * emitted once, whichever arrives first.
 *
 * <p>Keyed by the person's id: the seller is kept for good once seen (state grows with the sellers,
 * as the query demands); auctions that arrive before their seller wait in a list.
 */
public final class Q3 implements NexmarkQuery {
    @Override
    public String name() {
        return "q3";
    }

    @Override
    public DataStream<LocalItem> apply(DataStream<Event> events) {
        DataStream<Auction> auctions =
                Streams.auctions(events).filter(a -> a.category() == 10).name("Category 10");
        DataStream<Person> persons =
                Streams.persons(events)
                        .filter(
                                p ->
                                        p.state().equals("OR")
                                                || p.state().equals("ID")
                                                || p.state().equals("CA"))
                        .name("OR, ID, CA");
        return auctions.connect(persons)
                .keyBy(Auction::seller, Person::id, Types.LONG)
                .process(new Join())
                .returns(LocalItem.class)
                .name("q3");
    }

    /** The seller's columns the query outputs. */
    record Seller(String name, String city, String state) {}

    static final class Join extends KeyedCoProcessFunction<Long, Auction, Person, LocalItem> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Seller> seller;
        private transient ListState<Long> waitingAuctions;

        @Override
        public void open(OpenContext context) {
            seller =
                    getRuntimeContext()
                            .getState(new ValueStateDescriptor<>("seller", Seller.class));
            waitingAuctions =
                    getRuntimeContext()
                            .getListState(
                                    new ListStateDescriptor<>("waiting-auctions", Types.LONG));
        }

        @Override
        public void processElement1(Auction auction, Context ctx, Collector<LocalItem> out)
                throws Exception {
            Seller s = seller.value();
            if (s != null) {
                out.collect(new LocalItem(s.name(), s.city(), s.state(), auction.id()));
            } else {
                waitingAuctions.add(auction.id());
            }
        }

        @Override
        public void processElement2(Person person, Context ctx, Collector<LocalItem> out)
                throws Exception {
            Seller s = new Seller(person.name(), person.city(), person.state());
            seller.update(s);
            Iterable<Long> waiting = waitingAuctions.get();
            if (waiting != null) {
                for (Long id : waiting) {
                    out.collect(new LocalItem(s.name(), s.city(), s.state(), id));
                }
                waitingAuctions.clear();
            }
        }
    }
}
