package io.spate.api.common.state;

import io.spate.annotations.Public;

/**
 * Non-keyed state of one operator subtask: named lists, redistributed when the job is restored at
 * another parallelism. Used from the subtask's thread only.
 */
@Public
public interface OperatorStateStore {

    /**
     * A list that is split evenly on rescaling: the lists of all old subtasks are concatenated and
     * dealt out in contiguous chunks (at the same parallelism, each subtask gets its own back).
     */
    <S> ListState<S> getListState(ListStateDescriptor<S> descriptor);

    /** A list that every subtask gets whole on restore: the union of all old subtasks' lists. */
    <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor);
}
