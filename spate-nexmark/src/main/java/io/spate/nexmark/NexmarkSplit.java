package io.spate.nexmark;

import io.spate.annotations.Public;
import io.spate.api.connector.source.SourceSplit;
import java.io.Serializable;

/**
 * One strided share of the Nexmark events (SPEC §1.4): the indices {@code next, next + stride, next
 * + 2 * stride, ...} below {@code end}. Split {@code k} of {@code p} starts at {@code next = k}
 * with {@code stride = p}; as the reader advances, {@code next} is the first index not yet emitted,
 * which is what a checkpoint records.
 *
 * @param splitId unique among the source's splits: the split's first index
 * @param next the first index not yet emitted
 * @param stride the distance between the split's indices: the number of splits
 * @param end one past the last index of the data set
 */
@Public
public record NexmarkSplit(String splitId, long next, int stride, long end)
        implements SourceSplit, Serializable {

    public NexmarkSplit {
        if (next < 0 || stride < 1 || end < 0) {
            throw new IllegalArgumentException(
                    "a split needs next >= 0, stride >= 1 and end >= 0; was next="
                            + next
                            + " stride="
                            + stride
                            + " end="
                            + end);
        }
    }

    /** Split {@code k} of {@code count} over the events {@code 0 .. numEvents-1}. */
    public static NexmarkSplit of(int k, int count, long numEvents) {
        if (k < 0 || k >= count) {
            throw new IllegalArgumentException("split " + k + " of " + count);
        }
        return new NexmarkSplit(String.valueOf(k), k, count, numEvents);
    }

    /** How many events the split has still to emit. */
    public long remaining() {
        return next >= end ? 0 : (end - next - 1) / stride + 1;
    }

    /** The same split, with {@code newNext} as its first index not yet emitted. */
    public NexmarkSplit withNext(long newNext) {
        return new NexmarkSplit(splitId, newNext, stride, end);
    }
}
