package io.spate.core.timers;

import io.spate.annotations.Internal;
import io.spate.annotations.NotThreadSafe;
import io.spate.core.state.KeyedStateBackend;

/**
 * The event-time and processing-time timers of one keyed operator, per key and namespace. The
 * operator registers timers for the current key; they fire through its {@link Triggerable} with
 * their key made current on the state backend.
 *
 * <p>Event-time timers fire when {@link #advanceWatermark} passes their time, in time order.
 * Processing-time timers fire from the subtask's {@link ProcessingTimeService}, which this service
 * asks to wake it at the earliest timer's time.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 */
@Internal
@NotThreadSafe
public final class InternalTimerService<K, N> {
    private final KeyedStateBackend<K> backend;
    private final ProcessingTimeService processingTime;
    private final Triggerable<K, N> target;
    private final TimerQueue<K, N> eventTimers = new TimerQueue<>();
    private final TimerQueue<K, N> processingTimers = new TimerQueue<>();
    private long watermark = Long.MIN_VALUE;
    private long nextWakeUp = Long.MAX_VALUE;

    public InternalTimerService(
            KeyedStateBackend<K> backend,
            ProcessingTimeService processingTime,
            Triggerable<K, N> target) {
        this.backend = backend;
        this.processingTime = processingTime;
        this.target = target;
    }

    public long currentWatermark() {
        return watermark;
    }

    public long currentProcessingTime() {
        return processingTime.currentProcessingTime();
    }

    public void registerEventTimeTimer(N namespace, long time) {
        eventTimers.add(new InternalTimer<>(time, backend.getCurrentKey(), namespace));
    }

    public void deleteEventTimeTimer(N namespace, long time) {
        eventTimers.remove(new InternalTimer<>(time, backend.getCurrentKey(), namespace));
    }

    public void registerProcessingTimeTimer(N namespace, long time) {
        if (processingTimers.add(new InternalTimer<>(time, backend.getCurrentKey(), namespace))
                && time < nextWakeUp) {
            nextWakeUp = time;
            processingTime.registerTimer(time, this::onProcessingTime);
        }
    }

    public void deleteProcessingTimeTimer(N namespace, long time) {
        processingTimers.remove(new InternalTimer<>(time, backend.getCurrentKey(), namespace));
    }

    /** Fires every event-time timer at or before {@code newWatermark}, in time order. */
    public void advanceWatermark(long newWatermark) throws Exception {
        if (newWatermark <= watermark) {
            return;
        }
        watermark = newWatermark;
        for (InternalTimer<K, N> timer; (timer = eventTimers.pollDue(newWatermark)) != null; ) {
            backend.setCurrentKey(timer.key());
            target.onEventTime(timer);
        }
    }

    private void onProcessingTime(long time) throws Exception {
        if (time != nextWakeUp) {
            return; // a wake-up superseded by an earlier one that has already run
        }
        nextWakeUp = Long.MAX_VALUE;
        long now = processingTime.currentProcessingTime();
        for (InternalTimer<K, N> timer; (timer = processingTimers.pollDue(now)) != null; ) {
            backend.setCurrentKey(timer.key());
            target.onProcessingTime(timer);
        }
        InternalTimer<K, N> next = processingTimers.peek();
        if (next != null && next.timestamp() < nextWakeUp) {
            nextWakeUp = next.timestamp();
            processingTime.registerTimer(nextWakeUp, this::onProcessingTime);
        }
    }

    /** The number of timers not yet fired; for tests and metrics. */
    public int numberOfTimers() {
        return eventTimers.size() + processingTimers.size();
    }
}
