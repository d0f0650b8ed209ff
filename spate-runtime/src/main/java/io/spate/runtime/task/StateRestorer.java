package io.spate.runtime.task;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.core.checkpoint.OperatorListState;
import io.spate.core.checkpoint.OperatorStateSnapshot;
import io.spate.core.checkpoint.StateAssignment;
import io.spate.core.checkpoint.StateFiles;
import io.spate.core.checkpoint.SubtaskStateHandle;
import io.spate.core.operators.OperatorStateRestore;
import io.spate.core.plan.ChainedOperator;
import io.spate.core.state.KeyGroupRange;
import io.spate.core.state.KeyGroups;
import io.spate.core.state.KeyedStateBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Restores one operator subtask from a checkpoint: reads the files of the old subtasks that hold
 * its key groups into its keyed state backend, gathers the other keyed parts (timers) of its key
 * groups, and computes its share of the operator state.
 */
@Internal
final class StateRestorer {
    private StateRestorer() {}

    static OperatorStateRestore restore(
            Path directory,
            OperatorStateSnapshot old,
            ChainedOperator spec,
            int subtask,
            int parallelism,
            int maxParallelism,
            KeyedStateBackend<?> backend)
            throws IOException {
        Map<Integer, StateFiles.Contents> files = new HashMap<>();
        Map<String, List<OperatorStateRestore.KeyGroupData>> keyedParts = new HashMap<>();
        if (backend != null) {
            if (old.maxParallelism() != maxParallelism) {
                throw new IllegalStateException(
                        "Cannot restore the keyed state of operator '"
                                + spec.name()
                                + "': it was written with "
                                + old.maxParallelism()
                                + " key groups, and the operator now has "
                                + maxParallelism
                                + ". Keep the max parallelism (setMaxParallelism("
                                + old.maxParallelism()
                                + ")) to restore it.");
            }
            KeyGroupRange mine = KeyGroups.rangeOf(subtask, maxParallelism, parallelism);
            for (SubtaskStateHandle h : StateAssignment.keyedHandles(old, mine)) {
                StateFiles.Contents contents = contents(directory, h, files);
                int from = Math.max(mine.start(), h.keyGroups().start());
                int to = Math.min(mine.end(), h.keyGroups().end());
                for (int kg = from; kg <= to; kg++) {
                    for (Map.Entry<String, DataInputView> part : contents.keyGroup(kg).entrySet()) {
                        if (part.getKey().equals(KeyedStateBackend.SNAPSHOT_PART)) {
                            restoreKeyGroup(backend, kg, part.getValue());
                        } else {
                            keyedParts
                                    .computeIfAbsent(part.getKey(), k -> new ArrayList<>())
                                    .add(
                                            new OperatorStateRestore.KeyGroupData(
                                                    kg, part.getValue()));
                        }
                    }
                }
            }
        }
        List<Map<String, OperatorListState>> oldLists = new ArrayList<>();
        for (int i = 0; i < old.parallelism(); i++) {
            oldLists.add(Map.of());
        }
        for (SubtaskStateHandle h : old.subtasks()) {
            oldLists.set(h.subtask(), contents(directory, h, files).operatorState());
        }
        Map<String, OperatorListState> operatorState =
                StateAssignment.operatorState(oldLists, subtask, parallelism);
        return new OperatorStateRestore() {
            @Override
            public boolean isRestored() {
                return true;
            }

            @Override
            public Map<String, OperatorListState> operatorState() {
                return operatorState;
            }

            @Override
            public List<KeyGroupData> keyedPart(String name) {
                return keyedParts.getOrDefault(name, List.of());
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static void restoreKeyGroup(KeyedStateBackend<?> backend, int kg, DataInputView data)
            throws IOException {
        ((KeyedStateBackend<Object>) backend).restoreKeyGroup(kg, data);
    }

    private static StateFiles.Contents contents(
            Path directory, SubtaskStateHandle h, Map<Integer, StateFiles.Contents> files)
            throws IOException {
        StateFiles.Contents c = files.get(h.subtask());
        if (c == null) {
            c = StateFiles.read(directory, h);
            files.put(h.subtask(), c);
        }
        return c;
    }
}
