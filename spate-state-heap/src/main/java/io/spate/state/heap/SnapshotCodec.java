package io.spate.state.heap;

import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.io.MemoryDataOutput;
import io.spate.common.serialization.TypeSerializer;
import io.spate.core.state.KeyGroupRange;
import io.spate.core.state.KeyedBackendParameters;
import io.spate.core.state.KeyedStateBackend;
import io.spate.core.state.KeyedStateSnapshot;
import io.spate.core.state.NamespaceSerializers;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes the heap backend's frozen state in the canonical keyed snapshot format, and reads it back.
 * Per key group, for each state with data there:
 *
 * <pre>
 *   name, kind, varint section length, section:
 *     varint n, then n × (key, value)                               values in the void namespace
 *     varint m, [namespace class name], then m × (key, varint k, k × (namespace, value))
 * </pre>
 *
 * Writing runs on the snapshot thread and reads only frozen structures; the serializers are
 * stateless.
 */
final class SnapshotCodec<K> {
    private final KeyedBackendParameters<K> parameters;
    private final NamespaceSerializers namespaceSerializers;

    SnapshotCodec(KeyedBackendParameters<K> parameters) {
        this.parameters = parameters;
        this.namespaceSerializers =
                new NamespaceSerializers(parameters.serializers(), parameters.userClassLoader());
    }

    /** One state as a snapshot froze it. */
    record Frozen<K>(
            String name,
            String kind,
            ValueCodec<?> codec,
            StateTable.Ttl ttl,
            StateTable.Group<K, ?>[] groups) {}

    static <K, V> Frozen<K> freeze(StateTable<K, V> table) {
        return new Frozen<>(table.name, table.kind, table.codec, table.ttl, table.capture());
    }

    KeyedStateSnapshot snapshot(
            KeyGroupRange range,
            List<Frozen<K>> frozen,
            Map<String, List<HeapKeyedStateBackend.Restored>> pending,
            Runnable release) {
        return new KeyedStateSnapshot() {
            private final MemoryDataOutput section = new MemoryDataOutput(256);
            private boolean released;

            @Override
            public String name() {
                return KeyedStateBackend.SNAPSHOT_PART;
            }

            @Override
            public void writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
                int index = keyGroup - range.start();
                int count = 0;
                for (Frozen<K> f : frozen) {
                    StateTable.Group<K, ?> g = f.groups()[index];
                    if (g != null && !g.isEmpty()) {
                        count++;
                    }
                }
                for (List<HeapKeyedStateBackend.Restored> rs : pending.values()) {
                    for (HeapKeyedStateBackend.Restored r : rs) {
                        if (r.keyGroup() == keyGroup) {
                            count++;
                        }
                    }
                }
                if (count == 0) {
                    return;
                }
                out.writeVarInt(count);
                for (Frozen<K> f : frozen) {
                    StateTable.Group<K, ?> g = f.groups()[index];
                    if (g != null && !g.isEmpty()) {
                        section.clear();
                        encode(g, f.codec(), f.ttl(), section);
                        out.writeString(f.name());
                        out.writeString(f.kind());
                        out.writeBoolean(f.ttl() != null);
                        out.writeVarInt(section.size());
                        out.write(section.buffer(), 0, section.size());
                    }
                }
                for (Map.Entry<String, List<HeapKeyedStateBackend.Restored>> e :
                        pending.entrySet()) {
                    for (HeapKeyedStateBackend.Restored r : e.getValue()) {
                        if (r.keyGroup() == keyGroup) {
                            out.writeString(e.getKey());
                            out.writeString(r.kind());
                            out.writeBoolean(r.ttl());
                            out.writeVarInt(r.bytes().length);
                            out.write(r.bytes());
                        }
                    }
                }
            }

            @Override
            public void release() {
                if (!released) {
                    released = true;
                    release.run();
                }
            }
        };
    }

    @SuppressWarnings("unchecked")
    private <V> void encode(
            StateTable.Group<K, ?> group,
            ValueCodec<?> valueCodec,
            StateTable.Ttl ttl,
            DataOutputView out)
            throws IOException {
        StateTable.Group<K, V> g = (StateTable.Group<K, V>) group;
        ValueCodec<V> codec = (ValueCodec<V>) valueCodec;
        TypeSerializer<K> keys = parameters.keySerializer();
        boolean dropExpired = ttl != null && ttl.config().isCleanupInSnapshots();
        long now = ttl == null ? 0 : ttl.clock().millis();
        int live = 0;
        for (StateTable.Entry<V> e : g.flat.values()) {
            if (!dropExpired || !ttl.isExpired(e.accessTime, now)) {
                live++;
            }
        }
        out.writeVarInt(live);
        for (Map.Entry<K, StateTable.Entry<V>> e : g.flat.entrySet()) {
            if (dropExpired && ttl.isExpired(e.getValue().accessTime, now)) {
                continue;
            }
            keys.serialize(e.getKey(), out);
            if (ttl != null) {
                out.writeLong(e.getValue().accessTime);
            }
            codec.write(e.getValue().value, out);
        }
        out.writeVarInt(g.nested.size());
        if (g.nested.isEmpty()) {
            return;
        }
        String namespaceClass = null;
        TypeSerializer<Object> namespaces = null;
        for (Map.Entry<K, StateTable.NamespaceMap<V>> e : g.nested.entrySet()) {
            if (namespaceClass == null) {
                Object first = e.getValue().map.keySet().iterator().next();
                namespaceClass = first.getClass().getName();
                namespaces = namespaceSerializer(namespaceClass);
                out.writeString(namespaceClass);
            }
            keys.serialize(e.getKey(), out);
            out.writeVarInt(e.getValue().map.size());
            for (Map.Entry<Object, StateTable.Entry<V>> n : e.getValue().map.entrySet()) {
                if (!n.getKey().getClass().getName().equals(namespaceClass)) {
                    throw new IOException(
                            "A state holds namespaces of two classes, "
                                    + namespaceClass
                                    + " and "
                                    + n.getKey().getClass().getName());
                }
                namespaces.serialize(n.getKey(), out);
                if (ttl != null) {
                    out.writeLong(n.getValue().accessTime);
                }
                codec.write(n.getValue().value, out);
            }
        }
    }

    /**
     * Puts one state's section of one key group into {@code table}. {@code withTimes}: the section
     * holds TTL times; a table without TTL ignores them, a table with TTL gives values without one
     * the current time.
     */
    <V> void decode(StateTable<K, V> table, int keyGroup, boolean withTimes, DataInputView in)
            throws IOException {
        TypeSerializer<K> keys = parameters.keySerializer();
        long now = table.ttl == null ? 0 : table.ttl.clock().millis();
        int flat = in.readVarInt();
        for (int i = 0; i < flat; i++) {
            K key = keys.deserialize(in);
            long time = withTimes ? in.readLong() : now;
            table.put(
                    keyGroup,
                    key,
                    io.spate.core.state.VoidNamespace.INSTANCE,
                    table.codec.read(in),
                    table.ttl == null ? 0 : time);
        }
        int nested = in.readVarInt();
        if (nested == 0) {
            return;
        }
        TypeSerializer<Object> namespaces = namespaceSerializer(in.readString());
        for (int i = 0; i < nested; i++) {
            K key = keys.deserialize(in);
            int n = in.readVarInt();
            for (int j = 0; j < n; j++) {
                Object namespace = namespaces.deserialize(in);
                long time = withTimes ? in.readLong() : now;
                table.put(
                        keyGroup,
                        key,
                        namespace,
                        table.codec.read(in),
                        table.ttl == null ? 0 : time);
            }
        }
    }

    private TypeSerializer<Object> namespaceSerializer(String className) {
        return namespaceSerializers.forClass(className);
    }
}
