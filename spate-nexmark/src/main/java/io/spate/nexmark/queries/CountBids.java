package io.spate.nexmark.queries;

import io.spate.api.common.functions.AggregateFunction;
import io.spate.nexmark.model.Bid;

/** Counts bids in a one-element {@code long[]}, so that counting allocates nothing. */
final class CountBids implements AggregateFunction<Bid, long[], Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public long[] createAccumulator() {
        return new long[1];
    }

    @Override
    public long[] add(Bid bid, long[] count) {
        count[0]++;
        return count;
    }

    @Override
    public Long getResult(long[] count) {
        return count[0];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
        a[0] += b[0];
        return a;
    }
}
