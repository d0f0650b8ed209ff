package io.spate.network;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import java.net.SocketAddress;

/** What the client and the server side of the handshake share. */
final class Handshake {
    static final String CONNECTION_HANDLER = "spate-connection";

    private Handshake() {}

    static NetworkException versionMismatch(SocketAddress peer, int theirs, int ours) {
        return new NetworkException(
                "peer "
                        + Frames.describe(peer)
                        + " speaks Spate network protocol version "
                        + theirs
                        + ", this process speaks "
                        + ours);
    }

    static Throwable unwrap(Throwable cause) {
        if (cause instanceof DecoderException && cause.getCause() instanceof NetworkException) {
            return cause.getCause();
        }
        return cause;
    }

    static String peer(ChannelHandlerContext ctx) {
        return Frames.describe(ctx.channel().remoteAddress());
    }
}
