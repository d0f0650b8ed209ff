package io.spate.core.checkpoint;

import io.spate.annotations.Internal;
import io.spate.core.state.KeyGroupRange;
import java.util.Arrays;

/**
 * Where the state of one subtask of one operator is in a checkpoint: a file (relative to the
 * checkpoint's directory), the key groups it holds with the payload offset of each, and the offset
 * of its operator state.
 *
 * @param subtask the subtask index when the snapshot was taken
 * @param file the file name, relative to the checkpoint directory
 * @param keyGroups the key groups written (an empty range for non-keyed operators)
 * @param keyGroupOffsets the payload offset of each key group's section, in range order
 * @param operatorStateOffset the payload offset of the operator state section
 */
@Internal
public record SubtaskStateHandle(
        int subtask,
        String file,
        KeyGroupRange keyGroups,
        long[] keyGroupOffsets,
        long operatorStateOffset) {

    public SubtaskStateHandle {
        if (keyGroupOffsets.length != keyGroups.size()) {
            throw new IllegalArgumentException(
                    keyGroupOffsets.length + " offsets for " + keyGroups.size() + " key groups");
        }
        keyGroupOffsets = keyGroupOffsets.clone();
    }

    /** The offset of {@code keyGroup}'s section. */
    public long offsetOf(int keyGroup) {
        return keyGroupOffsets[keyGroup - keyGroups.start()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubtaskStateHandle
                && ((SubtaskStateHandle) o).subtask == subtask
                && ((SubtaskStateHandle) o).file.equals(file)
                && ((SubtaskStateHandle) o).keyGroups.equals(keyGroups)
                && Arrays.equals(((SubtaskStateHandle) o).keyGroupOffsets, keyGroupOffsets)
                && ((SubtaskStateHandle) o).operatorStateOffset == operatorStateOffset;
    }

    @Override
    public int hashCode() {
        return file.hashCode() * 31 + subtask;
    }
}
