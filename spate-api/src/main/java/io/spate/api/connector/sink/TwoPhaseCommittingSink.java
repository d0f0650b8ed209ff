package io.spate.api.connector.sink;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.TypeInfo;
import java.util.Collection;

/**
 * A sink whose output becomes visible only with the checkpoint that covers it: exactly-once output.
 *
 * <ol>
 *   <li>The writer writes records somewhere invisible (an in-progress file, an open transaction).
 *   <li>At a checkpoint barrier, {@link PrecommittingSinkWriter#prepareCommit()} closes what was
 *       written since the last barrier and returns <em>committables</em> describing it; they are
 *       stored in the checkpoint.
 *   <li>When the checkpoint completes, the {@link Committer} makes them visible.
 *   <li>After a failure, the committables of the restored checkpoint are committed again — so
 *       committing must be idempotent — and anything written after it is never committed.
 * </ol>
 *
 * @param <T> the record type
 * @param <CommT> the committable type: a record or POJO Spate can serialize
 */
@Public
public interface TwoPhaseCommittingSink<T, CommT> extends Sink<T> {

    @Override
    PrecommittingSinkWriter<T, CommT> createWriter(SinkWriterContext context) throws Exception;

    /** Makes committables visible; one per subtask, used on its thread. */
    Committer<CommT> createCommitter() throws Exception;

    /** The committable type, for storing committables in checkpoints. */
    TypeInfo<CommT> getCommittableType();

    /** A writer that can close its output for a checkpoint. */
    interface PrecommittingSinkWriter<T, CommT> extends SinkWriter<T> {
        /**
         * Called at a checkpoint barrier (and at the end of the input): closes everything written
         * since the previous call and returns what must be committed for it.
         */
        Collection<CommT> prepareCommit() throws Exception;
    }

    /** Makes committables visible. */
    interface Committer<CommT> extends AutoCloseable {
        /**
         * Commits; must be idempotent: committing something already committed is a no-op, and
         * anything that cannot be committed any more must fail loudly rather than be skipped.
         */
        void commit(Collection<CommT> committables) throws Exception;

        @Override
        default void close() throws Exception {}
    }
}
