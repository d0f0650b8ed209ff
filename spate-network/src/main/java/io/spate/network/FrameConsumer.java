package io.spate.network;

import io.spate.annotations.Public;

/**
 * Receives the frames of one inbound logical channel. Called on the connection's event loop thread,
 * one call at a time and in the order the sender sent the frames; implementations must not block
 * (hand the frame to another thread instead). Each frame must be {@linkplain InboundFrame#release()
 * released} exactly once, from any thread, when its bytes are no longer needed: only releases give
 * the sender credit for more.
 */
@Public
public interface FrameConsumer {
    void onFrame(InboundFrame frame);

    /** The sender closed the channel, or the connection closed; no frame follows. */
    default void onChannelClosed() {}
}
