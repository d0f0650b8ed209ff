package io.spate.core.state;

import io.spate.annotations.Internal;

/**
 * How keys map to key groups and key groups to subtasks (DESIGN.md §5). Upstream partitioners and
 * downstream state backends must agree on this, so both call these methods and nothing else.
 *
 * <ul>
 *   <li>key group = {@code murmur(key.hashCode()) mod maxParallelism}
 *   <li>subtask of a key group = {@code keyGroup * parallelism / maxParallelism}
 *   <li>so subtask i owns the contiguous range {@code [ceil(i * max / p), ceil((i + 1) * max / p) -
 *       1]}
 * </ul>
 */
@Internal
public final class KeyGroups {
    private KeyGroups() {}

    /** The default number of key groups. */
    public static final int DEFAULT_MAX_PARALLELISM = 128;

    /** The most key groups a job may have. */
    public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

    /** The key group of a key. */
    public static int keyGroupOf(Object key, int maxParallelism) {
        if (key == null) {
            throw new NullPointerException("A key must not be null");
        }
        return keyGroupOfHash(key.hashCode(), maxParallelism);
    }

    /** The key group of a key's hash code. */
    public static int keyGroupOfHash(int hashCode, int maxParallelism) {
        return (murmur(hashCode) & Integer.MAX_VALUE) % maxParallelism;
    }

    /** The subtask that owns a key group. */
    public static int subtaskOf(int keyGroup, int maxParallelism, int parallelism) {
        return keyGroup * parallelism / maxParallelism;
    }

    /** The key groups of subtask {@code index} of {@code parallelism}. */
    public static KeyGroupRange rangeOf(int index, int maxParallelism, int parallelism) {
        if (parallelism > maxParallelism) {
            throw new IllegalArgumentException(
                    "parallelism " + parallelism + " exceeds max parallelism " + maxParallelism);
        }
        int start = (index * maxParallelism + parallelism - 1) / parallelism;
        int end = ((index + 1) * maxParallelism + parallelism - 1) / parallelism - 1;
        return new KeyGroupRange(start, end);
    }

    /** The default max parallelism for an operator of this parallelism. */
    public static int defaultMaxParallelism(int parallelism) {
        if (parallelism <= DEFAULT_MAX_PARALLELISM) {
            return DEFAULT_MAX_PARALLELISM;
        }
        int wanted = parallelism + parallelism / 2;
        return Math.min(UPPER_BOUND_MAX_PARALLELISM, Integer.highestOneBit(wanted - 1) << 1);
    }

    /** The 32-bit finalizer of MurmurHash3: spreads the bits of a hash code. */
    static int murmur(int code) {
        code *= 0xcc9e2d51;
        code = Integer.rotateLeft(code, 15);
        code *= 0x1b873593;
        code = Integer.rotateLeft(code, 13);
        code = code * 5 + 0xe6546b64;
        code ^= 4;
        code ^= code >>> 16;
        code *= 0x85ebca6b;
        code ^= code >>> 13;
        code *= 0xc2b2ae35;
        code ^= code >>> 16;
        return code;
    }
}
