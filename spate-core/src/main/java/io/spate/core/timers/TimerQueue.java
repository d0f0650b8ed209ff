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

    /** Adds a timer; returns whether it is new. */
    boolean add(InternalTimer<K, N> timer) {
        if (timers.add(timer)) {
            queue.add(timer);
            return true;
        }
        return false;
    }

    void remove(InternalTimer<K, N> timer) {
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
