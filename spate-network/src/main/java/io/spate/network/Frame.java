package io.spate.network;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCounted;
import io.spate.annotations.Internal;

/**
 * One decoded or to-be-encoded frame. Its reference count is its payload's: whoever holds a frame
 * releases it or hands it on (Netty releases a frame it fails to write).
 */
@Internal
public record Frame(int version, FrameType type, int channelId, ByteBuf payload)
        implements ReferenceCounted {

    static Frame of(int version, FrameType type, int channelId) {
        return new Frame(version, type, channelId, Unpooled.EMPTY_BUFFER);
    }

    @Override
    public int refCnt() {
        return payload.refCnt();
    }

    @Override
    public Frame retain() {
        payload.retain();
        return this;
    }

    @Override
    public Frame retain(int increment) {
        payload.retain(increment);
        return this;
    }

    @Override
    public Frame touch() {
        payload.touch();
        return this;
    }

    @Override
    public Frame touch(Object hint) {
        payload.touch(hint);
        return this;
    }

    @Override
    public boolean release() {
        return payload.release();
    }

    @Override
    public boolean release(int decrement) {
        return payload.release(decrement);
    }
}
