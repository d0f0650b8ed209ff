package io.spate.nexmark.queries;

import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.FlatMapFunction;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.ListState;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.DataStream;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.functions.WindowFunction;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.nexmark.model.Bid;
import io.spate.nexmark.model.Event;
import io.spate.nexmark.queries.Rows.BidRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * q7, highest bid: for each 10 s tumbling window {@code [s, s + 10 s)} with highest price {@code
 * m}, every bid of price {@code m} made in {@code [s, s + 10 s]} — both ends included, so a bid at
 * exactly {@code s + 10 s} (which belongs to the next window) also counts if its price is {@code
 * m}.
 *
 * <p>First, in parallel per auction: the highest price of each window and the bids that make it.
 * Then per window: the overall highest price, and the bids that reach it among those candidates and
 * the bids made at the window's closing instant {@code s + 10 s}, which are sent on directly. The
 * result is emitted when the watermark passes {@code s + 10 s}.
 */
public final class Q7 implements NexmarkQuery {
    static final long SIZE = 10_000;

    @Override
    public String name() {
        return "q7";
    }

    @Override
    public DataStream<BidRow> apply(DataStream<Event> events) {
        DataStream<Bid> bids = Streams.bids(events);
        DataStream<Candidates> highest =
                bids.keyBy(Bid::auction, Types.LONG)
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                        .aggregate(new Highest(), new InWindow())
                        .returns(Candidates.class)
                        .name("Highest bids per auction and window");
        DataStream<Candidates> closing =
                bids.flatMap(new AtClosingInstant())
                        .returns(Candidates.class)
                        .name("Bids at a window's closing instant");
        return highest.union(closing)
                .keyBy(Candidates::windowStart, Types.LONG)
                .process(new HighestOfWindow())
                .returns(BidRow.class)
                .name("q7");
    }

    /**
     * Bids that may be among the result of the window starting at {@code windowStart}: the bids
     * with the highest price of one auction in the window ({@code closing} false), or bids made at
     * the window's closing instant ({@code closing} true).
     */
    record Candidates(long windowStart, long price, List<BidRow> bids, boolean closing) {}

    /** The highest price so far and the bids that made it. */
    public static final class Best {
        public long price = Long.MIN_VALUE;
        public List<BidRow> bids = new ArrayList<>(1);
    }

    static final class Highest implements AggregateFunction<Bid, Best, Best> {
        private static final long serialVersionUID = 1L;

        @Override
        public Best createAccumulator() {
            return new Best();
        }

        @Override
        public Best add(Bid b, Best best) {
            if (b.price() > best.price) {
                best.price = b.price();
                best.bids.clear();
            }
            if (b.price() == best.price) {
                best.bids.add(row(b));
            }
            return best;
        }

        @Override
        public Best getResult(Best best) {
            return best;
        }

        @Override
        public Best merge(Best a, Best b) {
            if (b.price > a.price) {
                return b;
            }
            if (b.price == a.price) {
                a.bids.addAll(b.bids);
            }
            return a;
        }
    }

    static final class InWindow implements WindowFunction<Best, Candidates, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void apply(
                Long auction, TimeWindow window, Iterable<Best> input, Collector<Candidates> out) {
            Best best = input.iterator().next();
            out.collect(
                    new Candidates(window.getStart(), best.price, List.copyOf(best.bids), false));
        }
    }

    /** Sends a bid made at a window's closing instant on to that window. */
    static final class AtClosingInstant implements FlatMapFunction<Bid, Candidates> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(Bid b, Collector<Candidates> out) {
            if (Math.floorMod(b.dateTime(), SIZE) == 0) {
                out.collect(new Candidates(b.dateTime() - SIZE, b.price(), List.of(row(b)), true));
            }
        }
    }

    static final class HighestOfWindow extends KeyedProcessFunction<Long, Candidates, BidRow> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> highest;
        private transient ListState<BidRow> best;
        private transient ListState<BidRow> closing;

        @Override
        public void open(OpenContext context) {
            highest =
                    getRuntimeContext().getState(new ValueStateDescriptor<>("highest", Types.LONG));
            best =
                    getRuntimeContext()
                            .getListState(new ListStateDescriptor<>("best", BidRow.class));
            closing =
                    getRuntimeContext()
                            .getListState(new ListStateDescriptor<>("closing", BidRow.class));
        }

        @Override
        public void processElement(Candidates c, Context ctx, Collector<BidRow> out)
                throws Exception {
            // Every candidate of the window has arrived once the watermark passed its closing
            // instant (the candidates of the window's own bids are stamped just before it).
            ctx.timerService().registerEventTimeTimer(ctx.getCurrentKey() + SIZE);
            if (c.closing()) {
                closing.addAll(c.bids());
                return;
            }
            Long max = highest.value();
            if (max == null || c.price() > max) {
                highest.update(c.price());
                best.update(new ArrayList<>(c.bids()));
            } else if (c.price() == max) {
                best.addAll(c.bids());
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<BidRow> out)
                throws Exception {
            Long max = highest.value();
            if (max != null) {
                emit(best.get(), max, out);
                emit(closing.get(), max, out);
            }
            highest.clear();
            best.clear();
            closing.clear();
        }

        private static void emit(Iterable<BidRow> rows, long max, Collector<BidRow> out) {
            if (rows != null) {
                for (BidRow r : rows) {
                    if (r.price() == max) {
                        out.collect(r);
                    }
                }
            }
        }
    }

    static BidRow row(Bid b) {
        return new BidRow(b.auction(), b.bidder(), b.price(), b.dateTime(), b.extra());
    }
}
