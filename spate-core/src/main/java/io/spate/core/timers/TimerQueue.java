package io.spate.core.timers;

import io.spate.annotations.NotThreadSafe;
import java.util.Comparator;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Timers of one time domain, ordered by time, without duplicates. Deletion is lazy: a deleted timer
 * leaves the set at once and is skipped when it reaches the head of the queue.
 */
@NotThreadSafe
final class TimerQueue<K, N> {
    private final PriorityQueue<InternalTimer<K, N>> queue =
            new PriorityQueue<>(Comparator.comparingLong(InternalTimer::timestamp));
    private final Set<InternalTimer<K, N>> timers = new HashSet<>();

    /**
     * The timer added last while it is certainly still in the set, or null. Operators often
     * register one timer several times in a row (a window's trigger, then its clean-up timer at the
     * same time); comparing with it is cheaper than a hash look-up.
     */
    private InternalTimer<K, N> lastAdded;

    /** Adds a timer; returns whether it is new. */
    boolean add(InternalTimer<K, N> timer) {
        if (timer.equals(lastAdded)) {
            return false;
        }
        lastAdded = timer;
        if (timers.add(timer)) {
            queue.add(timer);
            return true;
        }
        return false;
    }

    void remove(InternalTimer<K, N> timer) {
        lastAdded = null;
        timers.remove(timer);
    }

    /** The earliest live timer, or {@code null}. */
    InternalTimer<K, N> peek() {
        InternalTimer<K, N> head = queue.peek();
        while (head != null && !timers.contains(head)) {
            queue.poll();
            head = queue.peek();
        }
        return head;
    }

    /** Removes and returns the earliest live timer if it is due at {@code time}, else null. */
    InternalTimer<K, N> pollDue(long time) {
        InternalTimer<K, N> head = peek();
        if (head == null || head.timestamp() > time) {
            return null;
        }
        queue.poll();
        timers.remove(head);
        lastAdded = null;
        return head;
    }

    int size() {
        return timers.size();
    }

    /** Every live timer, in no particular order; for snapshots. */
    Set<InternalTimer<K, N>> all() {
        return timers;
    }
}
