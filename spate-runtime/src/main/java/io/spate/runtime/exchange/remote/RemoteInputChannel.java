package io.spate.runtime.exchange.remote;

import io.spate.common.concurrent.SpscArrayQueue;
import io.spate.common.io.MemoryDataInput;
import io.spate.common.serialization.TypeSerializer;
import io.spate.network.FrameConsumer;
import io.spate.network.InboundFrame;
import io.spate.runtime.exchange.ChannelId;
import io.spate.runtime.exchange.ControlEvent;
import io.spate.runtime.exchange.InputChannel;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The consumer end of one remote channel: the frames its producer sent, queued as they arrive on
 * the connection's event loop ({@link #onFrame}) and decoded on the consumer's thread ({@link
 * #poll}). A frame is released, giving the producer credit for the next, once it is decoded; so the
 * queue never holds more than the credit window, and its capacity is at least that.
 *
 * <p>Created by whichever comes first: the consumer subtask asking for its channel or the producer
 * opening it.
 */
final class RemoteInputChannel implements InputChannel, FrameConsumer {
    private final ChannelId id;
    private final SpscArrayQueue<InboundFrame> frames;
    private final MemoryDataInput input = new MemoryDataInput(new byte[0]);
    private byte[] scratch = new byte[256];

    private volatile TypeSerializer<Object> serializer;
    private volatile String producerAddress;

    /** Set on the event loop after the last frame was queued: no frame follows. */
    private volatile boolean closed;

    /** Set once the channel is dropped: frames still arriving are released at once. */
    private volatile boolean released;

    /** Only on the consumer's thread. */
    private boolean ended;

    RemoteInputChannel(ChannelId id, int window) {
        this.id = id;
        this.frames = new SpscArrayQueue<>(window);
    }

    ChannelId id() {
        return id;
    }

    void setSerializer(TypeSerializer<Object> serializer) {
        this.serializer = serializer;
    }

    /**
     * Called on the event loop when the producer opened this channel; false when another producer
     * already did.
     */
    boolean attach(String address) {
        if (producerAddress != null) {
            return false;
        }
        producerAddress = address;
        return true;
    }

    @Override
    public void onFrame(InboundFrame frame) {
        if (!frames.offer(frame)) {
            // cannot happen while the queue holds the credit window; the transport refuses excess
            frame.release();
            throw new IllegalStateException(
                    "the queue of channel " + id + " overflowed its credit window");
        }
        if (released) {
            drain();
        }
    }

    @Override
    public void onChannelClosed() {
        closed = true;
    }

    @Override
    public Object poll() {
        if (ended) {
            return null;
        }
        InboundFrame frame = frames.poll();
        if (frame == null) {
            if (!closed) {
                return null;
            }
            // frames queued before the close are visible now that the flag was read
            frame = frames.poll();
            if (frame == null) {
                throw new IllegalStateException(
                        "the producer of channel "
                                + id
                                + " at "
                                + producerAddress
                                + " disconnected before the end of its input");
            }
        }
        Object item;
        try {
            item = decode(frame);
        } finally {
            frame.release();
        }
        if (item == ControlEvent.END_OF_INPUT) {
            ended = true;
        }
        return item;
    }

    private Object decode(InboundFrame frame) {
        int size = frame.size();
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, scratch.length * 2)];
        }
        ByteBuffer payload = frame.payload();
        payload.get(scratch, 0, size);
        input.reset(scratch, 0, size);
        try {
            return ExchangeCodec.decode(input, serializer);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot decode a frame of " + size + " bytes on channel " + id, e);
        }
    }

    /** Frames received and not yet polled, for tests. */
    int bufferedFrames() {
        return frames.size();
    }

    /** Drops the channel: releases the frames it holds and any that still arrive. */
    void release() {
        released = true;
        drain();
    }

    private synchronized void drain() {
        InboundFrame frame;
        while ((frame = frames.poll()) != null) {
            frame.release();
        }
    }
}
