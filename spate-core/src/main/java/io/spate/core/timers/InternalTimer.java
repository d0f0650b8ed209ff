package io.spate.core.timers;

import io.spate.annotations.Internal;

/**
 * A timer: a time, the key it belongs to and a namespace (a window, or {@code VoidNamespace}).
 * Equal timers are one timer.
 */
@Internal
public record InternalTimer<K, N>(long timestamp, K key, N namespace) {
    @Override
    public int hashCode() {
        // Timers of many keys share a few times: mix, so that the time does not line buckets up.
        long h = timestamp * 0x9E3779B97F4A7C15L + key.hashCode();
        h = h * 0x9E3779B97F4A7C15L + namespace.hashCode();
        return (int) (h ^ (h >>> 32));
    }
}
