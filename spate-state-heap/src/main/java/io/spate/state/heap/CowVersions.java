package io.spate.state.heap;

import io.spate.annotations.NotThreadSafe;
import java.util.TreeMap;

/**
 * The versions behind the heap backend's copy-on-write. Every structure (key-group map, namespace
 * map, entry) records the version it was created in. A snapshot takes the current version and
 * starts a new one; while it runs, every structure of that version or older is shared with it and
 * must be copied before it is changed.
 *
 * <p>Used by the task thread only; a snapshot's release comes back to the task thread too.
 */
@NotThreadSafe
final class CowVersions {
    private int current;
    private final TreeMap<Integer, Integer> running = new TreeMap<>();
    private int highestShared = -1;

    int current() {
        return current;
    }

    /** Whether a structure of {@code version} may be read by a running snapshot. */
    boolean isShared(int version) {
        return version <= highestShared;
    }

    /** Starts a snapshot: returns its version; structures up to it are now shared. */
    int startSnapshot() {
        int version = current++;
        running.merge(version, 1, Integer::sum);
        highestShared = running.lastKey();
        return version;
    }

    void endSnapshot(int version) {
        running.computeIfPresent(version, (v, n) -> n == 1 ? null : n - 1);
        highestShared = running.isEmpty() ? -1 : running.lastKey();
    }
}
