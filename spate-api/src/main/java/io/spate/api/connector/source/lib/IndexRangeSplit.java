package io.spate.api.connector.source.lib;

import io.spate.annotations.Public;
import io.spate.api.connector.source.SourceSplit;
import java.io.Serializable;

/**
 * A range of indexes {@code [next, end)} still to read. Used by the sources whose records are
 * numbered: a sequence, a generator, a collection.
 */
@Public
public final class IndexRangeSplit implements SourceSplit, Serializable {
    private static final long serialVersionUID = 1L;

    private final String splitId;
    private final long next;
    private final long end;

    public IndexRangeSplit(String splitId, long next, long end) {
        if (end < next) {
            throw new IllegalArgumentException("empty range " + next + ".." + end);
        }
        this.splitId = splitId;
        this.next = next;
        this.end = end;
    }

    /**
     * Divides {@code [from, end)} into {@code n} contiguous splits whose sizes differ by at most
     * one.
     */
    public static java.util.List<IndexRangeSplit> divide(long from, long end, int n) {
        java.util.List<IndexRangeSplit> splits = new java.util.ArrayList<>(n);
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

    @Override
    public String splitId() {
        return splitId;
    }

    /** The first index not yet read. */
    public long next() {
        return next;
    }

    /** One past the last index. */
    public long end() {
        return end;
    }

    public IndexRangeSplit withNext(long newNext) {
        return new IndexRangeSplit(splitId, newNext, end);
    }

    @Override
    public String toString() {
        return "IndexRangeSplit{" + splitId + ": " + next + ".." + end + ")";
    }
}
