package io.spate.core.timers;

import io.spate.annotations.Internal;

/** An operator that timers call back, with the timer's key set as the current key. */
@Internal
public interface Triggerable<K, N> {
    void onEventTime(InternalTimer<K, N> timer) throws Exception;

    void onProcessingTime(InternalTimer<K, N> timer) throws Exception;
}
