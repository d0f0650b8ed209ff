package io.spate.core.checkpoint;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.MemoryDataInput;
import io.spate.common.io.MemoryDataOutput;
import io.spate.core.state.KeyGroupRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payload of an operator subtask's state file:
 *
 * <pre>
 *   for each key group of the range, ascending:          (its offset recorded in the handle)
 *       varint part count, then per part: name, varint length, bytes
 *   operator state:                                       (offset recorded in the handle)
 *       varint list count, then per list: name, mode, varint element count, elements (varint length, bytes)
 * </pre>
 */
@Internal
public final class StateFiles {
    private StateFiles() {}

    /** Writes a subtask's state into {@code directory/fileName} and returns its handle. */
    public static SubtaskStateHandle write(
            Path directory,
            String fileName,
            int subtask,
            KeyGroupRange keyGroups,
            List<KeyGroupedPart> keyedParts,
            Map<String, OperatorListState> operatorState)
            throws IOException {
        // Written key group by key group, so that only one key group's bytes are in memory at a
        // time besides the state itself.
        try (SnapshotFiles.Writer file =
                SnapshotFiles.open(
                        directory.resolve(fileName), SnapshotFiles.Kind.OPERATOR_STATE)) {
            MemoryDataOutput part = new MemoryDataOutput(256);
            MemoryDataOutput group = new MemoryDataOutput(256);
            long[] offsets = new long[keyGroups.size()];
            for (int i = 0; i < keyGroups.size(); i++) {
                int keyGroup = keyGroups.start() + i;
                offsets[i] = file.payloadPosition();
                int counted = 0;
                group.clear();
                for (KeyGroupedPart p : keyedParts) {
                    part.clear();
                    p.writeKeyGroup(keyGroup, part);
                    if (part.size() > 0) {
                        group.writeString(p.name());
                        group.writeVarInt(part.size());
                        group.write(part.buffer(), 0, part.size());
                        counted++;
                    }
                }
                part.clear();
                part.writeVarInt(counted);
                file.write(part.buffer(), 0, part.size());
                file.write(group.buffer(), 0, group.size());
            }
            long operatorStateOffset = file.payloadPosition();
            MemoryDataOutput out = new MemoryDataOutput(256);
            out.writeVarInt(operatorState.size());
            for (Map.Entry<String, OperatorListState> e : operatorState.entrySet()) {
                out.writeString(e.getKey());
                out.writeByte(e.getValue().mode().ordinal());
                out.writeVarInt(e.getValue().elements().size());
                for (byte[] element : e.getValue().elements()) {
                    out.writeVarInt(element.length);
                    out.write(element);
                }
            }
            file.write(out.buffer(), 0, out.size());
            file.commit();
            return new SubtaskStateHandle(
                    subtask, fileName, keyGroups, offsets, operatorStateOffset);
        }
    }

    /** A verified state file, read whole. */
    public static final class Contents {
        private final Path file;
        private final byte[] payload;
        private final SubtaskStateHandle handle;

        private Contents(Path file, byte[] payload, SubtaskStateHandle handle) {
            this.file = file;
            this.payload = payload;
            this.handle = handle;
        }

        public SubtaskStateHandle handle() {
            return handle;
        }

        /** The parts written for {@code keyGroup}, by name; empty when it had none. */
        public Map<String, DataInputView> keyGroup(int keyGroup) throws IOException {
            Map<String, DataInputView> parts = new LinkedHashMap<>();
            MemoryDataInput in = at(handle.offsetOf(keyGroup));
            int count = in.readVarInt();
            for (int i = 0; i < count; i++) {
                String name = in.readString();
                int length = in.readVarInt();
                parts.put(name, new MemoryDataInput(payload, in.position(), length));
                in.skipBytes(length);
            }
            return parts;
        }

        /** The operator state lists, by name. */
        public Map<String, OperatorListState> operatorState() throws IOException {
            MemoryDataInput in = at(handle.operatorStateOffset());
            int lists = in.readVarInt();
            Map<String, OperatorListState> result = new LinkedHashMap<>();
            for (int i = 0; i < lists; i++) {
                String name = in.readString();
                OperatorListState.Mode mode = OperatorListState.Mode.values()[in.readByte()];
                int n = in.readVarInt();
                List<byte[]> elements = new java.util.ArrayList<>(n);
                for (int j = 0; j < n; j++) {
                    byte[] element = new byte[in.readVarInt()];
                    in.readFully(element);
                    elements.add(element);
                }
                result.put(name, new OperatorListState(mode, elements));
            }
            return result;
        }

        private MemoryDataInput at(long offset) throws CorruptSnapshotException {
            if (offset < 0 || offset > payload.length) {
                throw new CorruptSnapshotException(
                        file, "offset " + offset + " is outside its " + payload.length + " bytes");
            }
            return new MemoryDataInput(payload, (int) offset, payload.length - (int) offset);
        }
    }

    /** Reads and verifies the file of {@code handle} in {@code directory}. */
    public static Contents read(Path directory, SubtaskStateHandle handle) throws IOException {
        Path file = directory.resolve(handle.file());
        return new Contents(
                file, SnapshotFiles.read(file, SnapshotFiles.Kind.OPERATOR_STATE), handle);
    }
}
