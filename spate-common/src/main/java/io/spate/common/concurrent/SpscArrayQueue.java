package io.spate.common.concurrent;

import io.spate.annotations.ThreadSafe;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded queue for exactly one producer thread and one consumer thread, without locks.
 *
 * <p>The producer publishes an element with a release store of the tail; the consumer reads the
 * tail with an acquire load before it reads the slot, so the element's fields are visible to it.
 * Head and tail sit on separate cache lines (padding fields) so that the two threads do not
 * invalidate each other's line on every operation. The capacity is rounded up to a power of two.
 *
 * <p>Which thread is the producer or the consumer may change over time only through a
 * happens-before edge (for example, a tasklet handed from one worker to another through a
 * concurrent queue).
 *
 * @param <E> the element type
 */
@ThreadSafe
public final class SpscArrayQueue<E> extends SpscPaddedIndexes {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

    private final Object[] slots;
    private final int mask;
    private final int capacity;

    public SpscArrayQueue(int requestedCapacity) {
        if (requestedCapacity < 1 || requestedCapacity > (1 << 30)) {
            throw new IllegalArgumentException(
                    "queue capacity must be in [1, 2^30], was " + requestedCapacity);
        }
        int size =
                Integer.highestOneBit(requestedCapacity - 1 == 0 ? 1 : requestedCapacity - 1) << 1;
        if (requestedCapacity == 1) {
            size = 1;
        }
        this.capacity = requestedCapacity;
        this.slots = new Object[size];
        this.mask = size - 1;
    }

    /** The number of elements the queue holds at most. */
    public int capacity() {
        return capacity;
    }

    /** Producer only: adds {@code e} unless the queue is full. */
    public boolean offer(E e) {
        if (e == null) {
            throw new NullPointerException("null element");
        }
        long t = tail;
        if (t - headCache >= capacity) {
            headCache = (long) HEAD.getAcquire(this);
            if (t - headCache >= capacity) {
                return false;
            }
        }
        SLOTS.set(slots, (int) (t & mask), e);
        TAIL.setRelease(this, t + 1);
        return true;
    }

    /** Consumer only: removes and returns the oldest element, or {@code null} when empty. */
    @SuppressWarnings("unchecked")
    public E poll() {
        long h = head;
        if (h >= tailCache) {
            tailCache = (long) TAIL.getAcquire(this);
            if (h >= tailCache) {
                return null;
            }
        }
        int index = (int) (h & mask);
        E e = (E) SLOTS.get(slots, index);
        SLOTS.set(slots, index, null);
        HEAD.setRelease(this, h + 1);
        return e;
    }

    /** Consumer only: the oldest element without removing it, or {@code null} when empty. */
    @SuppressWarnings("unchecked")
    public E peek() {
        long h = head;
        if (h >= tailCache) {
            tailCache = (long) TAIL.getAcquire(this);
            if (h >= tailCache) {
                return null;
            }
        }
        return (E) SLOTS.get(slots, (int) (h & mask));
    }

    /** Any thread: an estimate of the number of elements, exact when both ends are quiet. */
    public int size() {
        long h = (long) HEAD.getVolatile(this);
        long t = (long) TAIL.getVolatile(this);
        return (int) Math.max(0, Math.min(capacity, t - h));
    }

    public boolean isEmpty() {
        return size() == 0;
    }
}

/** Head, tail and their cached copies, padded apart to avoid false sharing. */
@SuppressWarnings("unused")
abstract class SpscPaddedIndexes {
    static final VarHandle HEAD;
    static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(SpscPaddedIndexes.class, "head", long.class);
            TAIL = lookup.findVarHandle(SpscPaddedIndexes.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    long p00, p01, p02, p03, p04, p05, p06, p07;

    /** Next slot to read; written by the consumer. */
    volatile long head;

    /** The consumer's last view of {@link #tail}. */
    long tailCache;

    long p10, p11, p12, p13, p14, p15, p16, p17;

    /** Next slot to write; written by the producer. */
    volatile long tail;

    /** The producer's last view of {@link #head}. */
    long headCache;

    long p20, p21, p22, p23, p24, p25, p26, p27;
}
