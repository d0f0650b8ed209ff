package io.spate.network;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.spate.annotations.Internal;
import java.util.List;
import java.util.Locale;

/**
 * Bytes to {@link Frame}s (format in {@link Frames}). Refuses, with a {@link NetworkException} that
 * names the peer, bytes that do not start with the magic, unknown frame types and lengths above the
 * maximum — before buffering the payload, so an oversized frame costs no memory. After one refusal
 * it discards everything that follows: the connection is being closed.
 */
@Internal
public final class FrameDecoder extends ByteToMessageDecoder {
    private final int maxFrameSize;
    private boolean failed;

    public FrameDecoder(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int start = in.readerIndex();
        int readable = in.readableBytes();
        if (readable >= 4 && in.getInt(start) != Frames.MAGIC) {
            throw refuse(
                    ctx,
                    in,
                    String.format(
                            Locale.ROOT,
                            "peer %s is not a Spate network peer: its bytes do not start with the"
                                    + " frame magic 0x%08x (got 0x%08x)",
                            peer(ctx),
                            Frames.MAGIC,
                            in.getInt(start)));
        }
        if (readable < Frames.HEADER_SIZE) {
            return;
        }
        int version = in.getUnsignedByte(start + 4);
        int code = in.getUnsignedByte(start + 5);
        int channel = in.getInt(start + 6);
        int length = in.getInt(start + 10);
        FrameType type = FrameType.of(code);
        if (type == null) {
            throw refuse(
                    ctx,
                    in,
                    "peer "
                            + peer(ctx)
                            + " sent a frame of unknown type "
                            + code
                            + " (protocol version "
                            + version
                            + ")");
        }
        if (length < 0 || length > maxFrameSize) {
            throw refuse(
                    ctx,
                    in,
                    "peer "
                            + peer(ctx)
                            + " sent a frame of "
                            + Integer.toUnsignedString(length)
                            + " bytes, more than the maximum of "
                            + maxFrameSize
                            + " bytes ("
                            + NetworkOptions.MAX_FRAME_SIZE.key()
                            + ")");
        }
        if (readable < Frames.HEADER_SIZE + length) {
            return;
        }
        in.skipBytes(Frames.HEADER_SIZE);
        out.add(new Frame(version, type, channel, in.readRetainedSlice(length)));
    }

    private NetworkException refuse(ChannelHandlerContext ctx, ByteBuf in, String message) {
        failed = true;
        in.skipBytes(in.readableBytes());
        return new NetworkException(message);
    }

    private static String peer(ChannelHandlerContext ctx) {
        return Frames.describe(ctx.channel().remoteAddress());
    }
}
