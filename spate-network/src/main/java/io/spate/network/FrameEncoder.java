package io.spate.network;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.spate.annotations.Internal;
import java.util.List;

/**
 * {@link Frame}s to bytes: a freshly written header followed by the payload buffer itself, which is
 * handed to the socket without a copy.
 */
@Internal
@ChannelHandler.Sharable
public final class FrameEncoder extends MessageToMessageEncoder<Frame> {

    public FrameEncoder() {
        super(Frame.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Frame frame, List<Object> out) {
        out.add(
                Frames.header(
                        ctx.alloc(),
                        frame.version(),
                        frame.type(),
                        frame.channelId(),
                        frame.payload().readableBytes()));
        // the encoder releases the frame after this method; the socket gets its own reference
        out.add(frame.payload().retain());
    }
}
