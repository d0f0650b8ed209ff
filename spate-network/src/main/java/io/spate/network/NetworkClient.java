package io.spate.network;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.spate.annotations.Public;
import io.spate.annotations.ThreadSafe;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens connections to {@link NetworkServer}s. One client owns one set of event loop threads (named
 * {@code spate-network-client-*}) shared by all its connections; {@link #close()} closes them all
 * and ends the threads.
 */
@Public
@ThreadSafe
public final class NetworkClient implements AutoCloseable {
    private final NetworkConfig config;
    private final String name;
    private final EventLoopGroup group;
    private final ChannelGroup connections;

    /**
     * @param name how this process introduces itself to servers (e.g. "taskmanager-1")
     */
    public NetworkClient(NetworkConfig config, String name) {
        this.config = config;
        this.name = name;
        this.group = EventLoops.create("client", config.ioThreads());
        this.connections = new DefaultChannelGroup(group.next());
    }

    /**
     * Connects and completes the handshake, waiting at most {@code network.connect-timeout} for TCP
     * and then {@code network.handshake-timeout} for the server's answer. Not for event loop
     * threads.
     *
     * @param handler receives what the server sends on this connection
     * @throws NetworkException naming the address when nothing listens there, the host is unknown,
     *     there is no answer in time, or the server refuses the handshake
     */
    public Connection connect(String host, int port, InboundHandler handler) {
        String address = host + ":" + port;
        CompletableFuture<Connection> handshake = new CompletableFuture<>();
        Bootstrap bootstrap =
                new Bootstrap()
                        .group(group)
                        .channel(NioSocketChannel.class)
                        .option(ChannelOption.TCP_NODELAY, true)
                        .option(
                                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                                (int) config.connectTimeout().toMillis())
                        .handler(
                                EventLoops.framed(
                                        connections,
                                        config,
                                        () ->
                                                new ClientHandshake(
                                                        config, name, handler, handshake)));
        ChannelFuture connected = bootstrap.connect(host, port);
        long connectMillis = config.connectTimeout().toMillis();
        if (!connected.awaitUninterruptibly(connectMillis + 1000, TimeUnit.MILLISECONDS)) {
            connected.cancel(false);
            connected.channel().close();
            throw timedOut(address, connectMillis);
        }
        if (!connected.isSuccess()) {
            throw connectFailure(address, connectMillis, connected.cause());
        }
        long handshakeMillis = config.handshakeTimeout().toMillis();
        try {
            return handshake.get(handshakeMillis + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof NetworkException ne
                    ? new NetworkException(ne.getMessage(), ne)
                    : new NetworkException("handshake with " + address + " failed", cause);
        } catch (TimeoutException e) {
            connected.channel().close();
            throw new NetworkException(
                    "peer "
                            + address
                            + " did not answer the handshake within "
                            + handshakeMillis
                            + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connected.channel().close();
            throw new NetworkException("interrupted while connecting to " + address, e);
        }
    }

    /** Closes every connection of this client and waits (bounded) until its threads ended. */
    @Override
    public void close() {
        // Closed one by one, so that every peer sees its connection end.
        connections.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
        EventLoops.shutdown(group);
    }

    private static NetworkException connectFailure(String address, long millis, Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return timedOut(address, millis);
        }
        if (cause instanceof ConnectException) {
            return new NetworkException(
                    "cannot connect to " + address + ": nothing listens there (connection refused)",
                    cause);
        }
        if (cause instanceof UnknownHostException) {
            return new NetworkException("cannot connect to " + address + ": unknown host", cause);
        }
        return new NetworkException(
                "cannot connect to " + address + ": " + cause.getMessage(), cause);
    }

    private static NetworkException timedOut(String address, long millis) {
        return new NetworkException(
                "cannot connect to "
                        + address
                        + ": no answer within "
                        + millis
                        + " ms ("
                        + NetworkOptions.CONNECT_TIMEOUT.key()
                        + ")");
    }
}
