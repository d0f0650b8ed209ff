package io.spate.network;

import io.spate.annotations.Public;

/**
 * What a process does with what a peer sends on one {@link Connection}. Every method is called on
 * the connection's event loop thread and must not block.
 */
@Public
public interface InboundHandler {

    /**
     * The peer opened logical channel {@code channelId}; returns the consumer of its frames. The
     * transport then grants the peer its first credit.
     */
    FrameConsumer onChannelOpened(Connection connection, int channelId);

    /** A control message arrived. */
    default void onControlMessage(Connection connection, ControlMessage message) {}

    /**
     * The connection closed: by either side ({@code cause == null}) or because of a failure such as
     * a protocol violation or an oversized frame.
     */
    default void onClosed(Connection connection, Throwable cause) {}
}
