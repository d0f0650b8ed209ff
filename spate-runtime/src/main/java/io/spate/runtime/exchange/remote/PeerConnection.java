package io.spate.runtime.exchange.remote;

import io.spate.network.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one connection of this process to the exchange of another, shared by every channel to it;
 * made asynchronously so that the producers asking for it never wait.
 */
final class PeerConnection {
    private final String address;
    private final CompletableFuture<Connection> connection = new CompletableFuture<>();
    private final AtomicInteger nextChannelNumber = new AtomicInteger();

    PeerConnection(String address) {
        this.address = address;
    }

    String address() {
        return address;
    }

    void connected(Connection c) {
        connection.complete(c);
    }

    void failed(Throwable cause) {
        connection.completeExceptionally(cause);
    }

    /**
     * The connection once made, {@code null} while it is being made.
     *
     * @throws IllegalStateException when it could not be made
     */
    Connection connectionIfReady(Object channel) {
        if (!connection.isDone()) {
            return null;
        }
        if (connection.isCompletedExceptionally()) {
            Throwable cause = connection.handle((c, t) -> t).join();
            throw new IllegalStateException(
                    "cannot connect to the consumer of channel "
                            + channel
                            + " at "
                            + address
                            + ": "
                            + (cause == null ? "unknown cause" : cause.getMessage()),
                    cause);
        }
        return connection.join();
    }

    /** Failed, or made and closed since: new channels need a new connection. */
    boolean isBroken() {
        if (!connection.isDone()) {
            return false;
        }
        return connection.isCompletedExceptionally() || !connection.join().isOpen();
    }

    int nextChannelNumber() {
        return nextChannelNumber.getAndIncrement();
    }

    /** Closes the connection if it was made. */
    void close() {
        if (connection.isDone() && !connection.isCompletedExceptionally()) {
            connection.join().close();
        }
    }
}
