package io.spate.network;

import io.netty.buffer.ByteBuf;
import io.spate.annotations.Public;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One received DATA frame. Its bytes stay valid until {@link #release()}, which also returns one
 * credit to the sender; release each frame exactly once, from any thread.
 */
@Public
public final class InboundFrame {
    private final InboundChannel channel;
    private final ByteBuf payload;
    private final AtomicBoolean released = new AtomicBoolean();

    InboundFrame(InboundChannel channel, ByteBuf payload) {
        this.channel = channel;
        this.payload = payload;
    }

    public int channelId() {
        return channel.id();
    }

    /** Payload length in bytes. */
    public int size() {
        return payload.readableBytes();
    }

    /** A read-only view of the payload, valid until {@link #release()}. */
    public ByteBuffer payload() {
        checkNotReleased();
        return payload.nioBuffer().asReadOnlyBuffer();
    }

    /** A copy of the payload. */
    public byte[] toByteArray() {
        checkNotReleased();
        byte[] bytes = new byte[payload.readableBytes()];
        payload.getBytes(payload.readerIndex(), bytes);
        return bytes;
    }

    /** Frees the payload and gives the sender credit for one more frame. */
    public void release() {
        if (!released.compareAndSet(false, true)) {
            throw new IllegalStateException(
                    "frame of channel " + channel.id() + " was released twice");
        }
        payload.release();
        channel.released();
    }

    private void checkNotReleased() {
        if (released.get()) {
            throw new IllegalStateException("frame of channel " + channel.id() + " was released");
        }
    }
}
