package io.spate.common;

import io.spate.annotations.Public;
import java.io.Serializable;

/** Identifies one checkpoint (or savepoint) of a job: 1, 2, 3, ... in the order they started. */
@Public
public record CheckpointId(long value) implements Serializable, Comparable<CheckpointId> {

    public CheckpointId {
        if (value < 0) {
            throw new IllegalArgumentException("A checkpoint id is not negative, was " + value);
        }
    }

    public CheckpointId next() {
        return new CheckpointId(value + 1);
    }

    @Override
    public int compareTo(CheckpointId o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
