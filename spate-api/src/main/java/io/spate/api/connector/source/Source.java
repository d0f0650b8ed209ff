package io.spate.api.connector.source;

import io.spate.annotations.Public;
import java.io.Serializable;
import java.util.List;

/**
 * A source of records: a factory for splits and for the readers that read them. The source object
 * itself is part of the job description; it does no reading.
 *
 * <p>When a job starts, {@link #createSplits} is called once and the splits are dealt to the
 * subtasks in turn (split i goes to subtask i mod parallelism). Each subtask gets a reader from
 * {@link #createReader}.
 *
 * @param <T> the record type
 * @param <SplitT> the split type
 */
@Public
public interface Source<T, SplitT extends SourceSplit> extends Serializable {

    Boundedness getBoundedness();

    /** Divides the data into splits, ideally at least {@code parallelism} of them. */
    List<SplitT> createSplits(int parallelism) throws Exception;

    SourceReader<T, SplitT> createReader(SourceReaderContext context) throws Exception;

    /**
     * Whether readers block in {@link SourceReader#pollNext} (on I/O, say). A blocking source's
     * subtasks each get a thread of their own instead of sharing the worker threads.
     */
    default boolean isBlocking() {
        return false;
    }
}
