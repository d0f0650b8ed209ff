package io.spate.runtime.task;

import io.spate.annotations.Internal;
import io.spate.annotations.NotThreadSafe;
import io.spate.common.time.Clock;
import io.spate.core.timers.ProcessingTimeService;
import java.util.PriorityQueue;

/**
 * The processing-time callbacks of one subtask: the tasklet fires the due ones at the start of each
 * call, on its own thread, so that callbacks never race with records.
 */
@Internal
@NotThreadSafe
final class TaskProcessingTimeService implements ProcessingTimeService {
    private final Clock clock;
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
    private long sequence;

    private record Scheduled(long time, long sequence, ProcessingTimeCallback callback)
            implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    TaskProcessingTimeService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long currentProcessingTime() {
        return clock.millis();
    }

    @Override
    public void registerTimer(long time, ProcessingTimeCallback callback) {
        queue.add(new Scheduled(time, sequence++, callback));
    }

    /** Runs the callbacks whose time has come; returns whether any ran. */
    boolean fireDue() throws Exception {
        if (queue.isEmpty()) {
            return false;
        }
        long now = clock.millis();
        boolean fired = false;
        for (Scheduled s = queue.peek(); s != null && s.time() <= now; s = queue.peek()) {
            queue.poll();
            s.callback().onProcessingTime(s.time());
            fired = true;
        }
        return fired;
    }

    /** The time of the earliest callback waiting to run, or {@code Long.MAX_VALUE} if none. */
    long nextTime() {
        Scheduled next = queue.peek();
        return next == null ? Long.MAX_VALUE : next.time();
    }

    /** Forgets every callback (the subtask is ending). */
    void clear() {
        queue.clear();
    }
}
