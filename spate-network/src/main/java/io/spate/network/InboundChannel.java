package io.spate.network;

import io.spate.annotations.ThreadSafe;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The receiving end of one logical channel: hands frames to its consumer and grants credit back as
 * the consumer releases them, in batches of a quarter of the window so that a fast consumer does
 * not cost one CREDIT frame per DATA frame.
 */
@ThreadSafe
final class InboundChannel {
    private final Connection connection;
    private final int id;
    private final FrameConsumer consumer;
    private final int grantBatch;

    /** Credit granted to the sender and not yet used by a DATA frame. */
    private final AtomicInteger unusedCredit = new AtomicInteger();

    /** Frames released since the last grant. */
    private final AtomicInteger releasedUngranted = new AtomicInteger();

    InboundChannel(Connection connection, int id, FrameConsumer consumer, int window) {
        this.connection = connection;
        this.id = id;
        this.consumer = consumer;
        this.grantBatch = Math.max(1, window / 4);
        grant(window);
    }

    int id() {
        return id;
    }

    /** On the event loop; returns false when the sender had no credit for this frame. */
    boolean deliver(Frame frame) {
        if (unusedCredit.decrementAndGet() < 0) {
            return false;
        }
        consumer.onFrame(new InboundFrame(this, frame.payload()));
        return true;
    }

    void closed() {
        consumer.onChannelClosed();
    }

    void released() {
        if (releasedUngranted.incrementAndGet() >= grantBatch) {
            int n = releasedUngranted.getAndSet(0);
            if (n > 0) {
                grant(n);
            }
        }
    }

    private void grant(int frames) {
        // count the credit before the CREDIT frame can reach the sender and its DATA come back
        unusedCredit.addAndGet(frames);
        connection.sendCredit(id, frames);
    }
}
