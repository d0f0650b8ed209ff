package io.spate.network;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.spate.annotations.Public;
import io.spate.annotations.ThreadSafe;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One TCP connection to a peer, after a successful handshake. Either side may open outbound logical
 * channels on it ({@link #openChannel}); the ids of each direction are independent. The peer's
 * channels and control messages go to the {@link InboundHandler} given when the connection was
 * made.
 *
 * <p>Inside, after the handshake the Netty pipeline is:
 *
 * <pre>
 *   socket ──► FrameDecoder ──► Dispatcher ──► InboundChannel.deliver ──► FrameConsumer
 *                                         └──► credit to OutboundChannel, control to InboundHandler
 *   socket ◄── FrameEncoder ◄── writes of OutboundChannel, InboundChannel (CREDIT), sendControl
 * </pre>
 *
 * A peer that breaks the protocol (DATA without credit, DATA on a channel it did not open, a frame
 * of another version) is disconnected with a {@link NetworkException} that says so.
 */
@Public
@ThreadSafe
public final class Connection implements AutoCloseable {
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final Channel channel;
    private final NetworkConfig config;
    private final String peerName;
    private final Map<Integer, OutboundChannel> outbound = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private volatile Throwable failure;

    Connection(Channel channel, NetworkConfig config, String peerName) {
        this.channel = channel;
        this.config = config;
        this.peerName = peerName;
    }

    /** The name the peer gave in its HELLO or HELLO_ACK (a role such as "taskmanager-1"). */
    public String peerName() {
        return peerName;
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /**
     * Opens outbound logical channel {@code channelId}. It has no credit until the peer's {@link
     * FrameConsumer} is in place and the peer granted some: {@code trySend} returns false until
     * then and the credit listener runs when credit arrives.
     *
     * @throws IllegalStateException when this connection already has that channel open
     */
    public OutboundChannel openChannel(int channelId) {
        OutboundChannel ch = new OutboundChannel(this, channelId);
        if (outbound.putIfAbsent(channelId, ch) != null) {
            throw new IllegalStateException(
                    "channel " + channelId + " to " + remoteAddressText() + " is already open");
        }
        write(FrameType.OPEN_CHANNEL, channelId, Unpooled.EMPTY_BUFFER);
        return ch;
    }

    /**
     * Sends a control message. Control messages are not flow-controlled: they are meant to be few
     * and small.
     *
     * @return completes when the message was written to the socket, exceptionally if it was not
     */
    public CompletableFuture<Void> sendControl(ControlMessage message) {
        int size = 4 + message.body().length;
        if (size > config.maxFrameSize()) {
            throw new IllegalArgumentException(
                    "a control message of "
                            + size
                            + " bytes is larger than the maximum frame size of "
                            + config.maxFrameSize()
                            + " bytes ("
                            + NetworkOptions.MAX_FRAME_SIZE.key()
                            + ")");
        }
        ByteBuf payload = Unpooled.buffer(size);
        payload.writeInt(message.type());
        payload.writeBytes(message.body());
        CompletableFuture<Void> sent = new CompletableFuture<>();
        channel.writeAndFlush(new Frame(config.protocolVersion(), FrameType.CONTROL, 0, payload))
                .addListener(
                        (ChannelFuture f) -> {
                            if (f.isSuccess()) {
                                sent.complete(null);
                            } else {
                                sent.completeExceptionally(
                                        new NetworkException(
                                                "could not send a control message to "
                                                        + remoteAddressText(),
                                                f.cause()));
                            }
                        });
        return sent;
    }

    /** Completes when the connection has closed, for whatever reason. */
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    /** Why the connection closed, or {@code null} if it was closed in order (or is open). */
    public Throwable failure() {
        return failure;
    }

    /**
     * Closes the connection; unless called on its event loop, waits (bounded) until it is closed
     * and its handler has been told ({@link #closeFuture()} is then done).
     */
    @Override
    public void close() {
        channel.close();
        if (!channel.eventLoop().inEventLoop()) {
            try {
                closeFuture.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // closing is best effort: the channel is closed or closing; the handler hears of it
            }
        }
    }

    @Override
    public String toString() {
        return "Connection[" + peerName + " at " + remoteAddressText() + "]";
    }

    // ---- used by the channels and the handshake

    ChannelInboundHandlerAdapter dispatcher(InboundHandler handler) {
        return new Dispatcher(handler);
    }

    int maxFrameSize() {
        return config.maxFrameSize();
    }

    String remoteAddressText() {
        return Frames.describe(channel.remoteAddress());
    }

    void write(FrameType type, int channelId, ByteBuf payload) {
        channel.writeAndFlush(
                new Frame(config.protocolVersion(), type, channelId, payload),
                channel.voidPromise());
    }

    void sendCredit(int channelId, int frames) {
        ByteBuf payload = channel.alloc().buffer(4);
        payload.writeInt(frames);
        write(FrameType.CREDIT, channelId, payload);
    }

    void closeOutbound(OutboundChannel ch) {
        if (outbound.remove(ch.id(), ch)) {
            write(FrameType.CLOSE_CHANNEL, ch.id(), Unpooled.EMPTY_BUFFER);
        }
    }

    /** Turns frames from the peer into calls; runs on the event loop only. */
    private final class Dispatcher extends ChannelInboundHandlerAdapter {
        private final InboundHandler handler;
        private final Map<Integer, InboundChannel> inbound = new HashMap<>();

        Dispatcher(InboundHandler handler) {
            this.handler = handler;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Frame frame = (Frame) msg;
            if (frame.version() != config.protocolVersion()) {
                frame.release();
                violation(ctx, "sent a frame of protocol version " + frame.version());
                return;
            }
            int id = frame.channelId();
            switch (frame.type()) {
                case DATA -> {
                    InboundChannel ch = inbound.get(id);
                    if (ch == null) {
                        frame.release();
                        violation(ctx, "sent DATA on channel " + id + ", which it did not open");
                    } else if (!ch.deliver(frame)) {
                        frame.release();
                        violation(
                                ctx,
                                "sent more frames on channel " + id + " than it had credit for");
                    }
                }
                case CREDIT -> {
                    int frames =
                            frame.payload().readableBytes() == 4 ? frame.payload().readInt() : -1;
                    frame.release();
                    if (frames <= 0) {
                        violation(ctx, "sent a malformed CREDIT frame on channel " + id);
                        return;
                    }
                    OutboundChannel ch = outbound.get(id);
                    if (ch != null) {
                        ch.addCredit(frames);
                    }
                }
                case OPEN_CHANNEL -> {
                    frame.release();
                    if (inbound.containsKey(id)) {
                        violation(ctx, "opened channel " + id + " twice");
                        return;
                    }
                    FrameConsumer consumer = handler.onChannelOpened(Connection.this, id);
                    inbound.put(
                            id,
                            new InboundChannel(
                                    Connection.this, id, consumer, config.channelCredit()));
                }
                case CLOSE_CHANNEL -> {
                    frame.release();
                    InboundChannel ch = inbound.remove(id);
                    if (ch != null) {
                        ch.closed();
                    }
                }
                case CONTROL -> {
                    ByteBuf payload = frame.payload();
                    if (payload.readableBytes() < 4) {
                        frame.release();
                        violation(ctx, "sent a malformed CONTROL frame");
                        return;
                    }
                    int type = payload.readInt();
                    byte[] body = new byte[payload.readableBytes()];
                    payload.readBytes(body);
                    frame.release();
                    handler.onControlMessage(Connection.this, new ControlMessage(type, body));
                }
                default -> {
                    frame.release();
                    violation(ctx, "sent " + frame.type() + " after the handshake");
                }
            }
        }

        private void violation(ChannelHandlerContext ctx, String what) {
            fail(
                    ctx,
                    new NetworkException(
                            "peer "
                                    + remoteAddressText()
                                    + " ("
                                    + peerName
                                    + ") broke the Spate network protocol: it "
                                    + what));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof DecoderException && cause.getCause() instanceof NetworkException) {
                cause = cause.getCause();
            }
            fail(ctx, cause);
        }

        private void fail(ChannelHandlerContext ctx, Throwable cause) {
            if (failure == null && channel.isActive()) {
                failure = cause;
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            for (OutboundChannel ch : outbound.values()) {
                ch.connectionClosed();
            }
            outbound.clear();
            for (InboundChannel ch : inbound.values()) {
                ch.closed();
            }
            inbound.clear();
            try {
                handler.onClosed(Connection.this, failure);
            } finally {
                closeFuture.complete(null);
            }
        }
    }
}
