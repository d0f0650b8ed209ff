package io.spate.nexmark.checksum;

import io.spate.annotations.Public;

/**
 * An order-independent checksum of a multiset of rows (SPEC §7.3): the number of rows and the sum
 * of their {@linkplain RowHash row hashes} modulo 2^64. Retractions subtract, so the checksum of a
 * changelog is that of its final table. Checksums of parts of the output (per subtask, per key)
 * {@linkplain #merge merge} into the checksum of the whole.
 *
 * <p>Mutable, not thread-safe.
 */
@Public
public final class RowChecksum {
    private long rows;
    private long sum;

    public RowChecksum() {}

    /** A checksum of {@code rows} rows whose hashes sum to {@code sum}. */
    public RowChecksum(long rows, long sum) {
        this.rows = rows;
        this.sum = sum;
    }

    /** Counts an inserted row (INSERT, UPDATE_AFTER) with hash {@code rowHash}. */
    public void insert(long rowHash) {
        rows++;
        sum += rowHash;
    }

    /** Counts a retracted row (UPDATE_BEFORE, DELETE) with hash {@code rowHash}. */
    public void retract(long rowHash) {
        rows--;
        sum -= rowHash;
    }

    /** Adds the rows counted by {@code other}. */
    public void merge(RowChecksum other) {
        rows += other.rows;
        sum += other.sum;
    }

    /** Inserted minus retracted rows. */
    public long rows() {
        return rows;
    }

    /** The sum of the row hashes, modulo 2^64. */
    public long sum() {
        return sum;
    }

    /** {@code rows=<decimal> checksum=<16 hex digits>}, as SPEC §7.3 reports it. */
    @Override
    public String toString() {
        return "rows=" + rows + " checksum=" + RowHash.hex(sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowChecksum
                && ((RowChecksum) o).rows == rows
                && ((RowChecksum) o).sum == sum;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(rows * 31 + sum);
    }
}
