package io.spate.api.connector.source.lib;

import io.spate.annotations.Public;
import io.spate.api.connector.source.SourceSplit;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of indexes {@code [next, end)} still to read. Used by the sources whose records are
 * numbered: a sequence, a generator, a collection.
 *
 * @param splitId unique among the source's splits
 * @param next the first index not yet read
 * @param end one past the last index
 */
@Public
public record IndexRangeSplit(String splitId, long next, long end)
        implements SourceSplit, Serializable {

    public IndexRangeSplit {
        if (end < next) {
            throw new IllegalArgumentException("empty range " + next + ".." + end);
        }
    }

    /**
     * Divides {@code [from, end)} into {@code n} contiguous splits whose sizes differ by at most
     * one.
     */
    public static List<IndexRangeSplit> divide(long from, long end, int n) {
        List<IndexRangeSplit> splits = new ArrayList<>(n);
        long total = end - from;
        if (total < 0) {
            throw new IllegalArgumentException("end " + end + " is before start " + from);
        }
        long base = total / n;
        long extra = total % n;
        long start = from;
        for (int i = 0; i < n; i++) {
            long size = base + (i < extra ? 1 : 0);
            splits.add(new IndexRangeSplit(String.valueOf(i), start, start + size));
            start += size;
        }
        return splits;
    }

    public IndexRangeSplit withNext(long newNext) {
        return new IndexRangeSplit(splitId, newNext, end);
    }
}
