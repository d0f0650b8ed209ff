package io.spate.runtime.exchange.remote;

import io.spate.common.io.MemoryDataOutput;
import io.spate.common.serialization.TypeSerializer;
import io.spate.network.Connection;
import io.spate.network.ControlMessage;
import io.spate.network.NetworkException;
import io.spate.network.OutboundChannel;
import io.spate.runtime.exchange.ChannelId;
import io.spate.runtime.exchange.ControlEvent;
import io.spate.runtime.exchange.OutputChannel;
import java.util.ArrayDeque;

/**
 * The producer end of one remote channel. Opens its logical channel on the shared connection the
 * first time it is offered something after the connection is made; sends one frame per item (a
 * batch too large for one frame is sent as several), each only with credit from the consumer.
 *
 * <p>Frames of an accepted batch that had no credit yet wait in a pending list; the next offer
 * sends them first and takes nothing new until they are all gone.
 */
final class RemoteOutputChannel implements OutputChannel {
    private final ChannelId id;
    private final PeerConnection peer;
    private final String localAddress;
    private final TypeSerializer<Object> serializer;
    private final int maxFrameSize;
    private final MemoryDataOutput scratch = new MemoryDataOutput(1024);
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();

    /** Written by the producer's thread, read by {@link #close()} from another. */
    private volatile OutboundChannel channel;

    private volatile boolean closed;
    private boolean ended;

    RemoteOutputChannel(
            ChannelId id,
            PeerConnection peer,
            String localAddress,
            TypeSerializer<Object> serializer,
            int maxFrameSize) {
        this.id = id;
        this.peer = peer;
        this.localAddress = localAddress;
        this.serializer = serializer;
        this.maxFrameSize = maxFrameSize;
    }

    ChannelId id() {
        return id;
    }

    @Override
    public boolean offer(Object item) {
        if (closed) {
            throw new IllegalStateException("channel " + id + " was released");
        }
        if (ended) {
            throw new IllegalStateException(
                    "channel " + id + " already sent its end of input; nothing may follow");
        }
        OutboundChannel ch = channel();
        if (ch == null || !sendPending(ch)) {
            return false;
        }
        if (ch.credit() == 0) {
            checkOpen();
            return false;
        }
        ExchangeCodec.encode(item, serializer, maxFrameSize, scratch, pending);
        if (item == ControlEvent.END_OF_INPUT) {
            ended = true;
        }
        sendPending(ch);
        return true;
    }

    /** Sends pending frames while there is credit; true when none is left. */
    private boolean sendPending(OutboundChannel ch) {
        byte[] frame;
        while ((frame = pending.peek()) != null) {
            boolean sent;
            try {
                sent = ch.trySend(frame);
            } catch (NetworkException e) {
                throw broken(e);
            }
            if (!sent) {
                checkOpen();
                return false;
            }
            pending.poll();
        }
        if (ended) {
            // the consumer has every frame before the close; this frees the channel on both sides
            ch.close();
        }
        return true;
    }

    private OutboundChannel channel() {
        OutboundChannel ch = channel;
        if (ch != null) {
            return ch;
        }
        Connection connection = peer.connectionIfReady(id);
        if (connection == null) {
            return null;
        }
        if (!connection.isOpen()) {
            throw broken(connection.failure());
        }
        int number = peer.nextChannelNumber();
        byte[] binding =
                ExchangeCodec.encodeBinding(new ExchangeCodec.Binding(id, number, localAddress));
        // the binding must reach the consumer's process before the channel is opened
        connection.sendControl(new ControlMessage(ExchangeCodec.BIND_CHANNEL, binding));
        ch = connection.openChannel(number);
        channel = ch;
        return ch;
    }

    private void checkOpen() {
        Connection connection = peer.connectionIfReady(id);
        if (connection != null && !connection.isOpen()) {
            throw broken(connection.failure());
        }
    }

    private IllegalStateException broken(Throwable cause) {
        return new IllegalStateException(
                "the connection to the consumer of channel "
                        + id
                        + " at "
                        + peer.address()
                        + " broke"
                        + (cause == null || cause.getMessage() == null
                                ? ""
                                : ": " + cause.getMessage()),
                cause);
    }

    /** Drops the channel, telling the consumer's process no frame follows. */
    void close() {
        closed = true;
        OutboundChannel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }
}
