package io.spate.core.timers;

import io.spate.annotations.Internal;

/**
 * Processing time for the operators of a subtask: the engine's clock, and callbacks at a time.
 * Callbacks run on the subtask's own thread, between records, as soon as the clock has reached
 * their time (with a manual clock: on the first call after it was advanced). Never from another
 * thread.
 */
@Internal
public interface ProcessingTimeService {

    long currentProcessingTime();

    /** Calls {@code callback} once the clock reaches {@code time}. */
    void registerTimer(long time, ProcessingTimeCallback callback);

    /** A callback of {@link #registerTimer}. */
    @FunctionalInterface
    interface ProcessingTimeCallback {
        void onProcessingTime(long time) throws Exception;
    }
}
