package io.spate.runtime.exchange;

import io.spate.annotations.Internal;

/**
 * Records with their timestamps, as they travel through an exchange: parallel arrays, so that a
 * record costs no wrapper object. Filled by one thread, then handed over through a queue and read
 * by another; never changed after the hand-over.
 */
@Internal
public final class RecordBatch {
    final Object[] records;
    final long[] timestamps;
    int size;

    public RecordBatch(int capacity) {
        this.records = new Object[capacity];
        this.timestamps = new long[capacity];
    }

    /** Adds a record; returns true when the batch is now full. */
    public boolean add(Object record, long timestamp) {
        records[size] = record;
        timestamps[size] = timestamp;
        return ++size == records.length;
    }

    public int size() {
        return size;
    }

    public Object record(int i) {
        return records[i];
    }

    public long timestamp(int i) {
        return timestamps[i];
    }

    public boolean isEmpty() {
        return size == 0;
    }
}
