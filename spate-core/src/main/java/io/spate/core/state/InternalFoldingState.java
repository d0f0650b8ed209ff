package io.spate.core.state;

import io.spate.annotations.Internal;
import io.spate.api.common.state.AppendingState;
import java.util.List;

/**
 * A reducing or aggregating state: every value added is folded into one value per key and
 * namespace. Besides merging namespaces for good, it can read several namespaces as one, which is
 * what the panes of sliding windows need (a window is the union of its panes, ADR 0007).
 *
 * <p>Like every state handle, it acts on the backend's current key and the handle's current
 * namespace, on the operator's thread only.
 *
 * @param <IN> the type of the values added
 * @param <OUT> the type of the result read back
 */
@Internal
public interface InternalFoldingState<IN, OUT>
        extends AppendingState<IN, OUT>, InternalMergingState {

    /**
     * Adds {@code value}, as {@link #add} does, and returns whether the current key had no value in
     * the current namespace before (this add created it). One access where the backend can.
     */
    boolean addAndCheckNew(IN value) throws Exception;

    /**
     * The result of the current key's values in {@code namespaces} folded together, in that order,
     * as if every value added to them had been added to one namespace; {@code null} when none of
     * them holds a value. The stored values stay as they are: the backend folds copies where the
     * function could change or keep what it is given.
     */
    OUT getMerged(List<?> namespaces) throws Exception;

    /** Whether the current key has a value in the current namespace; reads nothing else. */
    boolean hasValue();

    /** Whether no key has a value in any namespace (on this subtask). */
    boolean isEmpty();
}
