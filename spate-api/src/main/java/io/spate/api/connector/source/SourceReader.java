package io.spate.api.connector.source;

import io.spate.annotations.Public;
import java.util.List;

/**
 * Reads the splits assigned to one subtask of a source.
 *
 * <p>All methods are called by the one thread that owns the subtask, in this order: {@link
 * #addSplits} (once, with the subtask's share), {@link #start}, then {@link #pollNext} repeatedly
 * until it returns {@link InputStatus#END_OF_INPUT} or the job stops, with {@link #snapshotState}
 * between polls; finally {@link #close}.
 *
 * <p>{@code pollNext} must not block (unless the source declares itself {@linkplain
 * Source#isBlocking() blocking}): it emits what is ready — a few records, not thousands — and
 * returns. The runtime calls it again while there is room downstream.
 *
 * @param <T> the record type
 * @param <SplitT> the split type
 */
@Public
public interface SourceReader<T, SplitT extends SourceSplit> extends AutoCloseable {

    /** Gives the reader its splits; called before {@link #start}. */
    void addSplits(List<SplitT> splits);

    /** Opens what the reader needs; the first call after {@link #addSplits}. */
    void start() throws Exception;

    /** Emits available records to {@code output} and says whether more are available. */
    InputStatus pollNext(ReaderOutput<T> output) throws Exception;

    /** The splits not yet finished, each with the position the reader reached in it. */
    List<SplitT> snapshotState(long checkpointId);

    /**
     * The checkpoint {@code checkpointId} completed: what was read up to it is durable (a reader
     * may now acknowledge it upstream, e.g. commit offsets).
     */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    @Override
    void close() throws Exception;
}
