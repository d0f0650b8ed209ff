package io.spate.api.connector.source;

import io.spate.annotations.Public;

/**
 * A share of a source's data that one reader reads on its own: a file range, a partition, a shard
 * of a generator. A split that a reader returns from {@link SourceReader#snapshotState} carries the
 * reader's position in it, so that reading can resume there.
 */
@Public
public interface SourceSplit {
    /** Unique among the splits of one source. */
    String splitId();
}
