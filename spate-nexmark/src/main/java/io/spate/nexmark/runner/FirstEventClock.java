package io.spate.nexmark.runner;

import io.spate.api.common.functions.MapFunction;
import io.spate.common.time.Clock;
import io.spate.nexmark.model.Event;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes when the first event of a run passes, with the process's CPU time at that moment: SPEC §8
 * starts the timer when the first event is emitted by any source instance, so that starting the
 * JVM, planning and deploying the job are not measured. A pass-through chained right after the
 * source; after the first event it costs one field read per event.
 *
 * <p>Works where the runner and the sources share a JVM (the embedded engine); the run is told
 * apart by a token. Without a token (a job on a remote JobManager) it only passes events on.
 */
final class FirstEventClock implements MapFunction<Event, Event> {
    private static final long serialVersionUID = 1L;

    /** Per run token: {@code [nanoTime, process CPU nanos]} at the first event. */
    private static final Map<String, long[]> FIRST = new ConcurrentHashMap<>();

    private final String token;
    private transient boolean seen;

    /**
     * @param token the run's token, or null for a run in another JVM
     */
    FirstEventClock(String token) {
        this.token = token;
    }

    @Override
    public Event map(Event event) {
        if (!seen) {
            seen = true;
            if (token == null) {
                return event;
            }
            FIRST.computeIfAbsent(
                    token,
                    t -> new long[] {Clock.system().nanoTime(), NexmarkRunner.processCpuNanos()});
        }
        return event;
    }

    /** {@code [nanoTime, process CPU nanos]} at the run's first event, or null; forgets it. */
    static long[] take(String token) {
        return FIRST.remove(token);
    }
}
