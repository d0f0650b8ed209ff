package io.spate.nexmark.queries;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.DataStream;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.functions.WindowFunction;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.nexmark.model.Bid;
import io.spate.nexmark.model.Event;
import io.spate.nexmark.queries.Rows.HotItem;
import java.time.Duration;
import java.util.Arrays;

/**
 * q5, hot items: for every window of 10 s sliding by 2 s, the auction(s) with the most bids.
 *
 * <p>Bids are counted per auction and window (incrementally); the counts of a window then meet at
 * one subtask, keyed by the window's start, which keeps the highest count and the auctions that
 * reach it, and emits them when the watermark passes the window's end.
 */
public final class Q5 implements NexmarkQuery {
    static final Duration SIZE = Duration.ofSeconds(10);
    static final Duration SLIDE = Duration.ofSeconds(2);

    @Override
    public String name() {
        return "q5";
    }

    @Override
    public DataStream<HotItem> apply(DataStream<Event> events) {
        DataStream<AuctionCount> counts =
                Streams.bids(events)
                        .keyBy(Bid::auction, Types.LONG)
                        .window(SlidingEventTimeWindows.of(SIZE, SLIDE))
                        .aggregate(new CountBids(), new WithWindow())
                        .returns(AuctionCount.class)
                        .name("Bids per auction and window");
        return counts.keyBy(AuctionCount::windowStart, Types.LONG)
                .process(new Hottest())
                .returns(HotItem.class)
                .name("q5");
    }

    /** The number of bids on an auction in the window that starts at {@code windowStart}. */
    record AuctionCount(long auction, long count, long windowStart) {}

    static final class WithWindow implements WindowFunction<Long, AuctionCount, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void apply(
                Long auction,
                TimeWindow window,
                Iterable<Long> count,
                Collector<AuctionCount> out) {
            out.collect(new AuctionCount(auction, count.iterator().next(), window.getStart()));
        }
    }

    /**
     * Per window: the highest count and the auctions that reach it, as {@code [count, auction,
     * auction, …]}.
     */
    static final class Hottest extends KeyedProcessFunction<Long, AuctionCount, HotItem> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<long[]> best;

        @Override
        public void open(OpenContext context) {
            best = getRuntimeContext().getState(new ValueStateDescriptor<>("best", long[].class));
        }

        @Override
        public void processElement(AuctionCount c, Context ctx, Collector<HotItem> out)
                throws Exception {
            long[] b = best.value();
            if (b == null || c.count() > b[0]) {
                best.update(new long[] {c.count(), c.auction()});
                // The counts of this window all carry its last millisecond as their timestamp.
                ctx.timerService().registerEventTimeTimer(ctx.timestamp());
            } else if (c.count() == b[0]) {
                long[] more = Arrays.copyOf(b, b.length + 1);
                more[b.length] = c.auction();
                best.update(more);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<HotItem> out)
                throws Exception {
            long[] b = best.value();
            for (int i = 1; i < b.length; i++) {
                out.collect(new HotItem(b[i], b[0], ctx.getCurrentKey()));
            }
            best.clear();
        }
    }
}
