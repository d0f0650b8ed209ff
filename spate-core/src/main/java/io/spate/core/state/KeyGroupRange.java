package io.spate.core.state;

import io.spate.annotations.Internal;
import java.io.Serializable;

/**
 * The key groups {@code [start, end]} (both included) that one subtask of a keyed operator owns.
 * Ranges are contiguous so that rescaling reassigns whole ranges of snapshot data.
 */
@Internal
public final class KeyGroupRange implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int start;
    private final int end;

    public KeyGroupRange(int start, int end) {
        if (start < 0 || end < start - 1) {
            throw new IllegalArgumentException("bad key group range [" + start + ", " + end + "]");
        }
        this.start = start;
        this.end = end;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public int size() {
        return end - start + 1;
    }

    public boolean contains(int keyGroup) {
        return keyGroup >= start && keyGroup <= end;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyGroupRange
                && ((KeyGroupRange) o).start == start
                && ((KeyGroupRange) o).end == end;
    }

    @Override
    public int hashCode() {
        return start * 31 + end;
    }

    @Override
    public String toString() {
        return "KeyGroupRange[" + start + ", " + end + "]";
    }
}
