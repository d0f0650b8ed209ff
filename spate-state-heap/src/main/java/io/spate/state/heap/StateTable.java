package io.spate.state.heap;

import io.spate.annotations.NotThreadSafe;
import io.spate.core.state.KeyGroupRange;
import io.spate.core.state.VoidNamespace;
import java.util.HashMap;

/**
 * The values of one state for all keys and namespaces of a subtask, by key group, with
 * copy-on-write for snapshots (see {@link CowVersions}).
 *
 * <p>Values in the {@link VoidNamespace} (ordinary keyed state) sit in a flat map per key group,
 * one look-up per access; values in other namespaces (windows) in a map per key, so that all
 * windows of a key are found together. Every value is wrapped in an {@link Entry} that records the
 * version it was written in: a value a running snapshot may still read is copied before it is
 * handed out, so callers may change what they get.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@NotThreadSafe
final class StateTable<K, V> {
    final String name;
    final String kind;
    private final CowVersions versions;
    private final int firstKeyGroup;
    private final Group<K, V>[] groups;
    ValueCodec<V> codec;

    /** The number of (key, namespace) entries, kept up to date so that counting costs nothing. */
    private long size;

    /** Time to live, or null when values never expire. */
    Ttl ttl;

    /** The TTL settings of a table and the clock they are measured with. */
    record Ttl(io.spate.api.common.state.StateTtlConfig config, io.spate.common.time.Clock clock) {
        boolean isExpired(long accessTime, long now) {
            return now - accessTime >= config.getTtl().toMillis();
        }
    }

    private long now() {
        return ttl == null ? 0 : ttl.clock().millis();
    }

    static final class Entry<V> {
        V value;
        final int version;

        /** When the value was last written (or read, with TTL on read), for TTL. */
        long accessTime;

        Entry(V value, int version, long accessTime) {
            this.value = value;
            this.version = version;
            this.accessTime = accessTime;
        }
    }

    static final class NamespaceMap<V> {
        final HashMap<Object, Entry<V>> map;
        final int version;

        NamespaceMap(HashMap<Object, Entry<V>> map, int version) {
            this.map = map;
            this.version = version;
        }
    }

    static final class Group<K, V> {
        final HashMap<K, Entry<V>> flat;
        final HashMap<K, NamespaceMap<V>> nested;
        final int version;

        Group(HashMap<K, Entry<V>> flat, HashMap<K, NamespaceMap<V>> nested, int version) {
            this.flat = flat;
            this.nested = nested;
            this.version = version;
        }

        boolean isEmpty() {
            return flat.isEmpty() && nested.isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    StateTable(String name, String kind, KeyGroupRange range, CowVersions versions) {
        this.name = name;
        this.kind = kind;
        this.versions = versions;
        this.firstKeyGroup = range.start();
        this.groups = new Group[range.size()];
    }

    /** The value, copied first if a snapshot may still read it; {@code null} when absent. */
    V get(int keyGroup, K key, Object namespace) {
        int i = keyGroup - firstKeyGroup;
        Group<K, V> g = groups[i];
        if (g == null) {
            return null;
        }
        Entry<V> e;
        if (namespace == VoidNamespace.INSTANCE) {
            e = g.flat.get(key);
        } else {
            NamespaceMap<V> m = g.nested.get(key);
            e = m == null ? null : m.map.get(namespace);
        }
        if (e == null) {
            return null;
        }
        long now = 0;
        if (ttl != null) {
            now = now();
            cleanUpIncrementally(now);
            if (ttl.isExpired(e.accessTime, now)) {
                if (ttl.config().getStateVisibility()
                        == io.spate.api.common.state.StateTtlConfig.StateVisibility
                                .NeverReturnExpired) {
                    remove(keyGroup, key, namespace);
                    return null;
                }
                return e.value;
            }
        }
        boolean touch =
                ttl != null
                        && ttl.config().getUpdateType()
                                == io.spate.api.common.state.StateTtlConfig.UpdateType
                                        .OnReadAndWrite;
        if (!versions.isShared(e.version)) {
            if (touch) {
                e.accessTime = now;
            }
            return e.value;
        }
        if (codec.isImmutable() && !touch) {
            // A snapshot may read this entry, but nobody can change the value in place.
            return e.value;
        }
        Entry<V> copy =
                new Entry<>(codec.copy(e.value), versions.current(), touch ? now : e.accessTime);
        if (namespace == VoidNamespace.INSTANCE) {
            writableGroup(i).flat.put(key, copy);
        } else {
            writableNamespaces(writableGroup(i), key).map.put(namespace, copy);
        }
        return copy.value;
    }

    /**
     * The value as stored, for reading only: never copied, so the caller must not change it nor
     * keep it past the next write; {@code null} when absent. With TTL, the same as {@link #get}.
     */
    V peek(int keyGroup, K key, Object namespace) {
        if (ttl != null) {
            return get(keyGroup, key, namespace);
        }
        Group<K, V> g = groups[keyGroup - firstKeyGroup];
        if (g == null) {
            return null;
        }
        Entry<V> e;
        if (namespace == VoidNamespace.INSTANCE) {
            e = g.flat.get(key);
        } else {
            NamespaceMap<V> m = g.nested.get(key);
            e = m == null ? null : m.map.get(namespace);
        }
        return e == null ? null : e.value;
    }

    /**
     * The key's values in {@code namespaces} (never the void namespace), for reading only as with
     * {@link #peek}, added to {@code out} in that order where present: one look-up of the key for
     * all of them.
     */
    void peekAll(int keyGroup, K key, java.util.List<?> namespaces, java.util.List<V> out) {
        if (ttl != null) {
            for (int i = 0; i < namespaces.size(); i++) {
                V v = get(keyGroup, key, namespaces.get(i));
                if (v != null) {
                    out.add(v);
                }
            }
            return;
        }
        Group<K, V> g = groups[keyGroup - firstKeyGroup];
        NamespaceMap<V> m = g == null ? null : g.nested.get(key);
        if (m == null) {
            return;
        }
        for (int i = 0; i < namespaces.size(); i++) {
            Entry<V> e = m.map.get(namespaces.get(i));
            if (e != null) {
                out.add(e.value);
            }
        }
    }

    void put(int keyGroup, K key, Object namespace, V value) {
        long now = now();
        if (ttl != null) {
            cleanUpIncrementally(now);
        }
        put(keyGroup, key, namespace, value, now);
    }

    /** Puts a value with the time it counts as written (restored values keep theirs). */
    void put(int keyGroup, K key, Object namespace, V value, long accessTime) {
        Group<K, V> g = writableGroup(keyGroup - firstKeyGroup);
        if (namespace == VoidNamespace.INSTANCE) {
            Entry<V> e = g.flat.get(key);
            if (e != null && !versions.isShared(e.version)) {
                e.value = value;
                e.accessTime = accessTime;
            } else {
                g.flat.put(key, new Entry<>(value, versions.current(), accessTime));
                if (e == null) {
                    size++;
                }
            }
            return;
        }
        NamespaceMap<V> m = writableNamespaces(g, key);
        Entry<V> e = m.map.get(namespace);
        if (e != null && !versions.isShared(e.version)) {
            e.value = value;
            e.accessTime = accessTime;
        } else {
            m.map.put(namespace, new Entry<>(value, versions.current(), accessTime));
            if (e == null) {
                size++;
            }
        }
    }

    /** How {@link #update} changes a value: the old one (null when absent) and an argument in. */
    @FunctionalInterface
    interface Update<V, T> {
        V apply(V old, T argument) throws Exception;
    }

    /**
     * Read-modify-write in one walk of the table: replaces the value with {@code update.apply(old,
     * argument)}, where {@code old} is null when absent and otherwise a value the update may change
     * in place (copied first if a snapshot may still read it). Returns the new value.
     */
    <T> V update(int keyGroup, K key, Object namespace, T argument, Update<V, T> update)
            throws Exception {
        if (ttl != null) {
            V value = update.apply(get(keyGroup, key, namespace), argument);
            put(keyGroup, key, namespace, value);
            return value;
        }
        Group<K, V> g = writableGroup(keyGroup - firstKeyGroup);
        HashMap<Object, Entry<V>> map;
        if (namespace == VoidNamespace.INSTANCE) {
            @SuppressWarnings("unchecked")
            HashMap<Object, Entry<V>> flat = (HashMap<Object, Entry<V>>) g.flat;
            map = flat;
        } else {
            map = writableNamespaces(g, key).map;
        }
        Object mapKey = namespace == VoidNamespace.INSTANCE ? key : namespace;
        Entry<V> e = map.get(mapKey);
        V value;
        if (e == null) {
            value = update.apply(null, argument);
            map.put(mapKey, new Entry<>(value, versions.current(), 0));
            size++;
        } else if (!versions.isShared(e.version)) {
            value = update.apply(e.value, argument);
            e.value = value;
        } else {
            // A snapshot may read this entry: leave it, and put a changed copy in its place.
            value = update.apply(codec.copy(e.value), argument);
            map.put(mapKey, new Entry<>(value, versions.current(), 0));
        }
        return value;
    }

    /** The key group the incremental TTL clean-up looks at next. */
    private int cleanupGroup;

    private java.util.Iterator<java.util.Map.Entry<K, Entry<V>>> cleanupCursor;

    /**
     * Checks a few stored values of the void namespace for expiry and removes the expired ones,
     * moving through the key groups across calls. Skipped while a snapshot shares the group.
     */
    private void cleanUpIncrementally(long now) {
        int budget = ttl.config().getIncrementalCleanupSize();
        for (int visited = 0; budget > 0 && visited <= groups.length; ) {
            Group<K, V> g = groups[cleanupGroup];
            if (g == null || versions.isShared(g.version) || g.flat.isEmpty()) {
                cleanupCursor = null;
                cleanupGroup = (cleanupGroup + 1) % groups.length;
                visited++;
                continue;
            }
            if (cleanupCursor == null) {
                cleanupCursor = g.flat.entrySet().iterator();
            }
            try {
                while (budget > 0 && cleanupCursor.hasNext()) {
                    budget--;
                    if (ttl.isExpired(cleanupCursor.next().getValue().accessTime, now)) {
                        cleanupCursor.remove();
                        size--;
                    }
                }
            } catch (java.util.ConcurrentModificationException e) {
                // The map changed since the cursor was made; start this group again next time.
                cleanupCursor = null;
                return;
            }
            if (!cleanupCursor.hasNext()) {
                cleanupCursor = null;
                cleanupGroup = (cleanupGroup + 1) % groups.length;
                visited++;
            }
        }
    }

    void remove(int keyGroup, K key, Object namespace) {
        int i = keyGroup - firstKeyGroup;
        Group<K, V> g = groups[i];
        if (g == null) {
            return;
        }
        if (namespace == VoidNamespace.INSTANCE) {
            if (g.flat.containsKey(key)) {
                writableGroup(i).flat.remove(key);
                size--;
            }
            return;
        }
        NamespaceMap<V> m = g.nested.get(key);
        if (m == null || !m.map.containsKey(namespace)) {
            return;
        }
        Group<K, V> w = writableGroup(i);
        NamespaceMap<V> wm = writableNamespaces(w, key);
        wm.map.remove(namespace);
        size--;
        if (wm.map.isEmpty()) {
            w.nested.remove(key);
        }
    }

    /** Removes the key's values in every namespace but the void one. */
    void removeNamespaces(int keyGroup, K key) {
        int i = keyGroup - firstKeyGroup;
        Group<K, V> g = groups[i];
        NamespaceMap<V> m = g == null ? null : g.nested.get(key);
        if (m != null) {
            size -= m.map.size();
            writableGroup(i).nested.remove(key);
        }
    }

    /** The group at index {@code i}, created or copied so that it may be changed. */
    private Group<K, V> writableGroup(int i) {
        Group<K, V> g = groups[i];
        if (g == null) {
            g = new Group<>(new HashMap<>(), new HashMap<>(), versions.current());
            groups[i] = g;
        } else if (versions.isShared(g.version)) {
            g = new Group<>(new HashMap<>(g.flat), new HashMap<>(g.nested), versions.current());
            groups[i] = g;
            if (i == cleanupGroup) {
                cleanupCursor = null;
            }
        }
        return g;
    }

    /** The key's namespace map in a writable group, created or copied so it may be changed. */
    private NamespaceMap<V> writableNamespaces(Group<K, V> g, K key) {
        NamespaceMap<V> m = g.nested.get(key);
        if (m == null) {
            m = new NamespaceMap<>(new HashMap<>(4), versions.current());
            g.nested.put(key, m);
        } else if (versions.isShared(m.version)) {
            m = new NamespaceMap<>(new HashMap<>(m.map), versions.current());
            g.nested.put(key, m);
        }
        return m;
    }

    /** Adds the keys that hold a value in the void namespace to {@code out}. */
    void collectKeys(java.util.List<K> out) {
        for (Group<K, V> g : groups) {
            if (g != null) {
                out.addAll(g.flat.keySet());
            }
        }
    }

    /** The groups as they are now, for a snapshot; they are shared from now on. */
    Group<K, V>[] capture() {
        return groups.clone();
    }

    /** The number of (key, namespace) entries. */
    long size() {
        return size;
    }

    /** Counts the entries one by one; for tests of {@link #size()}. */
    long countEntries() {
        long n = 0;
        for (Group<K, V> g : groups) {
            if (g != null) {
                n += g.flat.size();
                for (NamespaceMap<V> m : g.nested.values()) {
                    n += m.map.size();
                }
            }
        }
        return n;
    }
}
