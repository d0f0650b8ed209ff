package io.spate.core.timers;

import io.spate.annotations.Internal;

/**
 * A timer: a time, the key it belongs to and a namespace (a window, or {@code VoidNamespace}).
 * Equal timers are one timer.
 */
@Internal
public record InternalTimer<K, N>(long timestamp, K key, N namespace) {}
