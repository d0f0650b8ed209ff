package io.spate.network;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The client's half of the handshake: sends HELLO (version in the header, name and token in the
 * payload) and waits for HELLO_ACK of the same version; then it gives its place in the pipeline to
 * the {@link Connection}. A REJECT, an answer of another version, a close or no answer in time
 * fails {@code result} with an error that names the peer.
 */
final class ClientHandshake extends ChannelInboundHandlerAdapter {
    private final NetworkConfig config;
    private final String name;
    private final InboundHandler handler;
    private final CompletableFuture<Connection> result;
    private ScheduledFuture<?> timeout;

    ClientHandshake(
            NetworkConfig config,
            String name,
            InboundHandler handler,
            CompletableFuture<Connection> result) {
        this.config = config;
        this.name = name;
        this.handler = handler;
        this.result = result;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ByteBuf hello = ctx.alloc().buffer();
        Frames.writeString(hello, name, Frames.MAX_NAME);
        Frames.writeString(hello, config.token(), Frames.MAX_TOKEN);
        ctx.writeAndFlush(new Frame(config.protocolVersion(), FrameType.HELLO, 0, hello));
        long millis = config.handshakeTimeout().toMillis();
        timeout =
                ctx.executor()
                        .schedule(
                                () ->
                                        fail(
                                                ctx,
                                                new NetworkException(
                                                        "peer "
                                                                + Handshake.peer(ctx)
                                                                + " did not answer the handshake"
                                                                + " within "
                                                                + millis
                                                                + " ms")),
                                millis,
                                TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Frame frame = (Frame) msg;
        try {
            if (result.isDone()) {
                return;
            }
            boolean sameVersion = frame.version() == config.protocolVersion();
            if ((frame.type() == FrameType.HELLO_ACK || frame.type() == FrameType.REJECT)
                    && !sameVersion) {
                fail(
                        ctx,
                        Handshake.versionMismatch(
                                ctx.channel().remoteAddress(),
                                frame.version(),
                                config.protocolVersion()));
            } else if (frame.type() == FrameType.HELLO_ACK) {
                String peerName = Frames.readString(frame.payload(), Frames.MAX_NAME, "peer name");
                Connection connection = new Connection(ctx.channel(), config, peerName);
                timeout.cancel(false);
                ctx.pipeline()
                        .replace(
                                this, Handshake.CONNECTION_HANDLER, connection.dispatcher(handler));
                result.complete(connection);
            } else if (frame.type() == FrameType.REJECT) {
                fail(
                        ctx,
                        new NetworkException(
                                "peer "
                                        + Handshake.peer(ctx)
                                        + " refused the connection: "
                                        + frame.payload().toString(StandardCharsets.UTF_8)));
            } else {
                fail(
                        ctx,
                        new NetworkException(
                                "peer "
                                        + Handshake.peer(ctx)
                                        + " answered HELLO with "
                                        + frame.type()));
            }
        } catch (NetworkException e) {
            fail(ctx, new NetworkException("peer " + Handshake.peer(ctx) + ": " + e.getMessage()));
        } finally {
            frame.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, Handshake.unwrap(cause));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(
                ctx,
                new NetworkException(
                        "peer "
                                + Handshake.peer(ctx)
                                + " closed the connection during the handshake"));
        ctx.fireChannelInactive();
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
        if (timeout != null) {
            timeout.cancel(false);
        }
        result.completeExceptionally(cause);
        ctx.close();
    }
}
