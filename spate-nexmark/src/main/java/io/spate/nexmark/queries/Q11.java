package io.spate.nexmark.queries;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.DataStream;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.functions.WindowFunction;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.nexmark.model.Bid;
import io.spate.nexmark.model.Event;
import io.spate.nexmark.queries.Rows.Session;
import java.time.Duration;

/**
 * q11, user sessions: per bidder, sessions of bids with gaps under 10 s, counted; a session starts
 * at its first bid and ends 10 s after its last.
 */
public final class Q11 implements NexmarkQuery {
    @Override
    public String name() {
        return "q11";
    }

    @Override
    public DataStream<Session> apply(DataStream<Event> events) {
        return Streams.bids(events)
                .keyBy(Bid::bidder, Types.LONG)
                .window(EventTimeSessionWindows.withGap(Duration.ofSeconds(10)))
                .aggregate(new CountBids(), new WithWindow())
                .returns(Session.class)
                .name("q11");
    }

    static final class WithWindow implements WindowFunction<Long, Session, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void apply(
                Long bidder, TimeWindow window, Iterable<Long> count, Collector<Session> out) {
            out.collect(
                    new Session(
                            bidder, count.iterator().next(), window.getStart(), window.getEnd()));
        }
    }
}
