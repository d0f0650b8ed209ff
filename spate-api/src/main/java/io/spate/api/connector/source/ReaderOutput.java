package io.spate.api.connector.source;

import io.spate.annotations.Public;

/**
 * Where a reader emits records during {@link SourceReader#pollNext}.
 *
 * <p>A reader with several splits should emit each split's records through that split's own output
 * ({@link #createOutputForSplit}): the watermark is then computed per split, from each split's own
 * disorder, and the source's watermark is the minimum over its active splits. A split counts from
 * the moment its output is created: a reader that reads several splits together creates all their
 * outputs before emitting the first record, so that none finds the watermark already past. A split
 * whose output stays silent for the idle timeout stops holding the watermark back. A reader that is
 * done with a split releases its output.
 *
 * @param <T> the record type
 */
@Public
public interface ReaderOutput<T> extends SourceOutput<T> {

    /** The output of one split; calling it again for the same split returns the same output. */
    SourceOutput<T> createOutputForSplit(String splitId);

    /** The split is finished: its output no longer holds the watermark back. */
    void releaseOutputForSplit(String splitId);
}
