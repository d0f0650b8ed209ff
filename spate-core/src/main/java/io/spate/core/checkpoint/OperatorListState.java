package io.spate.core.checkpoint;

import io.spate.annotations.Internal;
import java.util.List;

/**
 * One named list of operator state as it is stored: its elements already serialized, so that it can
 * be redistributed on restore without knowing their type.
 *
 * @param mode how the list is redistributed when the parallelism changes
 * @param elements the serialized elements
 */
@Internal
public record OperatorListState(Mode mode, List<byte[]> elements) {

    /** How a list is redistributed over new subtasks. */
    public enum Mode {
        /** The lists of all old subtasks are concatenated and dealt in contiguous chunks. */
        EVEN_SPLIT,
        /** Every new subtask gets the lists of all old subtasks. */
        UNION,
        /** Every new subtask gets old subtask 0's list (all copies are equal). */
        BROADCAST,
        /** Source splits: all old elements are dealt to the new subtasks round robin. */
        SPLITS
    }

    public OperatorListState {
        elements = List.copyOf(elements);
    }
}
