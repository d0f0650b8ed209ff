package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.core.checkpoint.OperatorListState;
import java.util.List;
import java.util.Map;

/**
 * What an operator subtask restores from: its share of the operator state (already redistributed
 * for the current parallelism) and, per named keyed part (timers), the data of each of its key
 * groups. The keyed state backend is restored by the runtime before this is handed over.
 */
@Internal
public interface OperatorStateRestore {

    /** Nothing to restore: a fresh start. */
    OperatorStateRestore NONE =
            new OperatorStateRestore() {
                @Override
                public boolean isRestored() {
                    return false;
                }

                @Override
                public Map<String, OperatorListState> operatorState() {
                    return Map.of();
                }

                @Override
                public List<KeyGroupData> keyedPart(String name) {
                    return List.of();
                }
            };

    /** Whether the checkpoint had state for this operator. */
    boolean isRestored();

    /** The operator state lists of this subtask, by name. */
    Map<String, OperatorListState> operatorState();

    /** The data of part {@code name} for each of this subtask's key groups that has some. */
    List<KeyGroupData> keyedPart(String name);

    /** One key group's data of a keyed part. */
    record KeyGroupData(int keyGroup, DataInputView data) {}
}
