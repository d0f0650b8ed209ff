package io.spate.nexmark.queries;

import io.spate.api.common.functions.CoGroupFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.DataStream;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.nexmark.model.Auction;
import io.spate.nexmark.model.Event;
import io.spate.nexmark.model.Person;
import io.spate.nexmark.queries.Rows.NewSeller;
import java.time.Duration;

/**
 * q8, monitor new users: the persons who opened at least one auction in the same 10 s tumbling
 * window in which they joined — one row per such person and window.
 *
 * <p>A window co-group of persons (by id) and auctions (by seller): a window of one key holds at
 * most the one person with that id and that person's auctions.
 */
public final class Q8 implements NexmarkQuery {
    static final long SIZE = 10_000;

    @Override
    public String name() {
        return "q8";
    }

    @Override
    public DataStream<NewSeller> apply(DataStream<Event> events) {
        return Streams.persons(events)
                .coGroup(Streams.auctions(events))
                .where(Person::id, Types.LONG)
                .equalTo(Auction::seller)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .apply(new JoinedInWindow())
                .returns(NewSeller.class)
                .name("q8");
    }

    static final class JoinedInWindow implements CoGroupFunction<Person, Auction, NewSeller> {
        private static final long serialVersionUID = 1L;

        @Override
        public void coGroup(
                Iterable<Person> persons, Iterable<Auction> auctions, Collector<NewSeller> out) {
            if (!auctions.iterator().hasNext()) {
                return;
            }
            for (Person p : persons) {
                long start = p.dateTime() - Math.floorMod(p.dateTime(), SIZE);
                out.collect(new NewSeller(p.id(), p.name(), start));
            }
        }
    }
}
