package io.spate.network;

import io.netty.buffer.Unpooled;
import io.spate.annotations.Public;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sending end of one logical channel, opened with {@link Connection#openChannel(int)}. It may
 * have no more frames in flight than the receiver has granted credit for; {@link #trySend} never
 * blocks: without credit it returns {@code false}, and the {@linkplain #onCreditAvailable listener}
 * is called once credit arrives.
 *
 * <p>Threads: one thread at a time sends (frames of one channel arrive in the order of the calls
 * that accepted them); the listener runs on the connection's event loop.
 */
@Public
public final class OutboundChannel {
    private final Connection connection;
    private final int id;
    private final AtomicInteger credit = new AtomicInteger();
    private final AtomicBoolean starved = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Runnable creditListener = () -> {};

    OutboundChannel(Connection connection, int id) {
        this.connection = connection;
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** Frames this channel may still send before it needs more credit. */
    public int credit() {
        return credit.get();
    }

    /**
     * Sends {@code payload} as one DATA frame if there is credit for it, taking ownership of the
     * array (do not change it afterwards).
     *
     * @return {@code false} when out of credit: nothing was sent; the credit listener will run
     * @throws IllegalArgumentException when the payload is larger than {@code
     *     network.max-frame-size}
     * @throws NetworkException when the channel or the connection is closed
     */
    public boolean trySend(byte[] payload) {
        if (payload.length > connection.maxFrameSize()) {
            throw new IllegalArgumentException(
                    "a payload of "
                            + payload.length
                            + " bytes is larger than the maximum frame size of "
                            + connection.maxFrameSize()
                            + " bytes ("
                            + NetworkOptions.MAX_FRAME_SIZE.key()
                            + ")");
        }
        if (closed.get() || !connection.isOpen()) {
            throw new NetworkException(
                    "channel " + id + " to " + connection.remoteAddressText() + " is closed");
        }
        while (true) {
            int c = credit.get();
            if (c == 0) {
                starved.set(true);
                // credit may have arrived between the read and the flag; check once more
                if (credit.get() == 0) {
                    return false;
                }
                continue;
            }
            if (credit.compareAndSet(c, c - 1)) {
                connection.write(FrameType.DATA, id, Unpooled.wrappedBuffer(payload));
                return true;
            }
        }
    }

    /**
     * Sets the callback run (on the event loop) when credit arrives after a {@link #trySend} found
     * none. It may run spuriously; it must not block.
     */
    public void onCreditAvailable(Runnable listener) {
        this.creditListener = listener;
    }

    /** Tells the receiver that no frame follows. */
    public void close() {
        if (closed.compareAndSet(false, true)) {
            connection.closeOutbound(this);
        }
    }

    void addCredit(int frames) {
        credit.addAndGet(frames);
        if (starved.getAndSet(false)) {
            creditListener.run();
        }
    }

    void connectionClosed() {
        closed.set(true);
        if (starved.getAndSet(false)) {
            creditListener.run();
        }
    }
}
