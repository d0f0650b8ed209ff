package io.spate.network;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's half of the handshake: expects HELLO of its own version (and the token, when one is
 * configured) as the first frame, answers HELLO_ACK and hands the connection to the {@link
 * ConnectionAcceptor}. Anything else gets a REJECT with the reason, then the connection is closed
 * and the acceptor is told.
 */
final class ServerHandshake extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ServerHandshake.class);

    private final NetworkConfig config;
    private final String name;
    private final ConnectionAcceptor acceptor;
    private ScheduledFuture<?> timeout;
    private boolean done;

    ServerHandshake(NetworkConfig config, String name, ConnectionAcceptor acceptor) {
        this.config = config;
        this.name = name;
        this.acceptor = acceptor;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        long millis = config.handshakeTimeout().toMillis();
        timeout =
                ctx.executor()
                        .schedule(
                                () ->
                                        refuse(
                                                ctx,
                                                "peer "
                                                        + Handshake.peer(ctx)
                                                        + " sent no HELLO within "
                                                        + millis
                                                        + " ms",
                                                "no HELLO within " + millis + " ms"),
                                millis,
                                TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Frame frame = (Frame) msg;
        try {
            if (done) {
                return;
            }
            if (frame.type() != FrameType.HELLO) {
                refuse(
                        ctx,
                        "peer " + Handshake.peer(ctx) + " sent " + frame.type() + " before HELLO",
                        "expected HELLO");
                return;
            }
            if (frame.version() != config.protocolVersion()) {
                NetworkException e =
                        Handshake.versionMismatch(
                                ctx.channel().remoteAddress(),
                                frame.version(),
                                config.protocolVersion());
                refuse(
                        ctx,
                        e,
                        "this process speaks Spate network protocol version "
                                + config.protocolVersion());
                return;
            }
            String peerName = Frames.readString(frame.payload(), Frames.MAX_NAME, "peer name");
            ByteBuf payload = frame.payload();
            int tokenLength =
                    payload.readableBytes() >= 2
                            ? payload.getUnsignedShort(payload.readerIndex())
                            : -1;
            if (tokenLength < 0
                    || tokenLength > Frames.MAX_TOKEN
                    || tokenLength + 2 > payload.readableBytes()) {
                refuse(
                        ctx,
                        "peer " + Handshake.peer(ctx) + " sent a malformed HELLO",
                        "malformed HELLO");
                return;
            }
            payload.skipBytes(2);
            byte[] token = ByteBufUtil.getBytes(payload, payload.readerIndex(), tokenLength);
            if (config.token() != null
                    && !MessageDigest.isEqual(
                            token, config.token().getBytes(StandardCharsets.UTF_8))) {
                refuse(
                        ctx,
                        "peer "
                                + Handshake.peer(ctx)
                                + " ("
                                + peerName
                                + ") presented "
                                + (tokenLength == 0 ? "no token" : "a wrong token")
                                + "; "
                                + NetworkOptions.TOKEN.key()
                                + " must be the same on both sides",
                        "wrong or missing token (" + NetworkOptions.TOKEN.key() + ")");
                return;
            }
            done = true;
            timeout.cancel(false);
            ByteBuf ack = ctx.alloc().buffer();
            Frames.writeString(ack, name, Frames.MAX_NAME);
            ctx.writeAndFlush(new Frame(config.protocolVersion(), FrameType.HELLO_ACK, 0, ack));
            Connection connection = new Connection(ctx.channel(), config, peerName);
            InboundHandler handler = acceptor.accept(connection);
            ctx.pipeline()
                    .replace(this, Handshake.CONNECTION_HANDLER, connection.dispatcher(handler));
        } catch (NetworkException e) {
            refuse(ctx, "peer " + Handshake.peer(ctx) + ": " + e.getMessage(), "malformed HELLO");
        } finally {
            frame.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable c = Handshake.unwrap(cause);
        if (c instanceof NetworkException e) {
            refuse(ctx, e, "not a Spate network frame");
        } else {
            refuse(
                    ctx,
                    new NetworkException(
                            "handshake with peer " + Handshake.peer(ctx) + " failed", c),
                    "handshake failed");
        }
    }

    private void refuse(ChannelHandlerContext ctx, String message, String reasonForPeer) {
        refuse(ctx, new NetworkException(message), reasonForPeer);
    }

    private void refuse(ChannelHandlerContext ctx, NetworkException e, String reasonForPeer) {
        if (done) {
            return;
        }
        done = true;
        if (timeout != null) {
            timeout.cancel(false);
        }
        LOG.warn("Refused a connection: {}", e.getMessage());
        ByteBuf reason = ctx.alloc().buffer();
        reason.writeCharSequence(reasonForPeer, StandardCharsets.UTF_8);
        ctx.writeAndFlush(new Frame(config.protocolVersion(), FrameType.REJECT, 0, reason))
                .addListener(ChannelFutureListener.CLOSE);
        acceptor.onRefused(ctx.channel().remoteAddress(), e);
    }
}
