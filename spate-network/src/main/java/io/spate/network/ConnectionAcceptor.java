package io.spate.network;

import io.spate.annotations.Public;
import java.net.SocketAddress;

/**
 * A {@link NetworkServer}'s owner: told of each connection that completed its handshake and of each
 * that did not. Called on an event loop thread; must not block.
 */
@Public
public interface ConnectionAcceptor {

    /** A peer completed the handshake; returns the handler of what it sends. */
    InboundHandler accept(Connection connection);

    /**
     * A peer was refused during the handshake (another protocol version, a wrong token, garbage, no
     * HELLO in time); the connection is closed. The default does nothing; the server logs it.
     */
    default void onRefused(SocketAddress peer, NetworkException reason) {}
}
