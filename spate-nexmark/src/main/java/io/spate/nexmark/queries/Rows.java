package io.spate.nexmark.queries;

import io.spate.annotations.Public;

/** The result rows of the queries (SPEC §6), each with its canonical rendering (SPEC §7.1). */
@Public
public final class Rows {
    private Rows() {}

    /** q0 and q7: a bid's {@code (auction, bidder, price, dateTime, extra)}. */
    public record BidRow(long auction, long bidder, long price, long dateTime, String extra)
            implements ResultRow {
        @Override
        public void render(StringBuilder out) {
            out.append(auction).append('|').append(bidder).append('|').append(price).append('|');
            out.append(dateTime).append('|').append(extra);
        }
    }

    /**
     * q1: a bid with its price converted, {@code price × 0.908} held exactly in thousandths of a
     * cent and rendered as a DECIMAL with 3 fraction digits.
     */
    public record ConvertedBid(
            long auction, long bidder, long priceThousandths, long dateTime, String extra)
            implements ResultRow {
        @Override
        public void render(StringBuilder out) {
            out.append(auction).append('|').append(bidder).append('|');
            appendDecimal3(out, priceThousandths);
            out.append('|').append(dateTime).append('|').append(extra);
        }
    }

    /** q2: {@code (auction, price)}. */
    public record AuctionPrice(long auction, long price) implements ResultRow {
        @Override
        public void render(StringBuilder out) {
            out.append(auction).append('|').append(price);
        }
    }

    /** q3: {@code (name, city, state, id)} of a seller and the auction's id. */
    public record LocalItem(String name, String city, String state, long id) implements ResultRow {
        @Override
        public void render(StringBuilder out) {
            out.append(name).append('|').append(city).append('|').append(state).append('|');
            out.append(id);
        }
    }

    /**
     * q4: a change of the table {@code (category, avg_final)}: an insertion, or with {@code
     * retraction} the removal of a row emitted before.
     */
    public record CategoryAverage(long category, long averageFinal, boolean retraction)
            implements ResultRow {
        @Override
        public void render(StringBuilder out) {
            out.append(category).append('|').append(averageFinal);
        }

        @Override
        public boolean isRetraction() {
            return retraction;
        }
    }

    /** q5: {@code (auction, num, starttime)}: an auction with the most bids of a window. */
    public record HotItem(long auction, long num, long startTime) implements ResultRow {
        @Override
        public void render(StringBuilder out) {
            out.append(auction).append('|').append(num).append('|').append(startTime);
        }
    }

    /** q8: {@code (id, name, stime)}: a person who opened an auction in the window they joined. */
    public record NewSeller(long id, String name, long startTime) implements ResultRow {
        @Override
        public void render(StringBuilder out) {
            out.append(id).append('|').append(name).append('|').append(startTime);
        }
    }

    /** q11: {@code (bidder, bid_count, starttime, endtime)} of one bidding session. */
    public record Session(long bidder, long bidCount, long startTime, long endTime)
            implements ResultRow {
        @Override
        public void render(StringBuilder out) {
            out.append(bidder).append('|').append(bidCount).append('|').append(startTime);
            out.append('|').append(endTime);
        }
    }

    /** Appends {@code thousandths / 1000} with exactly three fraction digits. */
    static void appendDecimal3(StringBuilder out, long thousandths) {
        if (thousandths < 0) {
            out.append('-');
            thousandths = -thousandths;
        }
        long fraction = thousandths % 1000;
        out.append(thousandths / 1000).append('.');
        if (fraction < 100) {
            out.append('0');
        }
        if (fraction < 10) {
            out.append('0');
        }
        out.append(fraction);
    }
}
