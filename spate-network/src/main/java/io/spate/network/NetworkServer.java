package io.spate.network;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.spate.annotations.Public;
import io.spate.annotations.ThreadSafe;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Listens for Spate peers on {@code network.bind-address} (loopback by default) and {@code
 * network.port} (any free port by default). Every accepted connection must complete the handshake
 * (see {@link ServerHandshake}) before the {@link ConnectionAcceptor} sees it.
 *
 * <p>Netty's event loop threads are named {@code spate-network-server-*}; {@link #close()} closes
 * every connection and ends them all.
 */
@Public
@ThreadSafe
public final class NetworkServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final ChannelGroup connections;

    private NetworkServer(EventLoopGroup group, Channel serverChannel, ChannelGroup connections) {
        this.group = group;
        this.serverChannel = serverChannel;
        this.connections = connections;
    }

    /**
     * Binds and starts accepting.
     *
     * @param name how this process introduces itself to clients (e.g. "jobmanager")
     * @throws NetworkException when the port is in use or the address cannot be bound
     */
    public static NetworkServer start(
            NetworkConfig config, String name, ConnectionAcceptor acceptor) {
        EventLoopGroup group = EventLoops.create("server", config.ioThreads());
        ChannelGroup connections = new DefaultChannelGroup(group.next());
        ServerBootstrap bootstrap =
                new ServerBootstrap()
                        .group(group)
                        .channel(NioServerSocketChannel.class)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childHandler(
                                EventLoops.framed(
                                        connections,
                                        config,
                                        () -> new ServerHandshake(config, name, acceptor)));
        ChannelFuture bound = bootstrap.bind(config.bindAddress(), config.port());
        long waitMillis = config.connectTimeout().toMillis();
        if (!bound.awaitUninterruptibly(waitMillis, TimeUnit.MILLISECONDS) || !bound.isSuccess()) {
            EventLoops.shutdown(group);
            Throwable cause = bound.cause();
            if (cause instanceof BindException) {
                throw new NetworkException(
                        "port "
                                + config.port()
                                + " on "
                                + config.bindAddress()
                                + " is in use (or not available to this process); choose"
                                + " another with "
                                + NetworkOptions.PORT.key()
                                + ", or 0 for any free port",
                        cause);
            }
            throw new NetworkException(
                    "cannot listen on "
                            + config.bindAddress()
                            + ":"
                            + config.port()
                            + (cause == null
                                    ? ": no answer within " + waitMillis + " ms"
                                    : ": " + cause.getMessage()),
                    cause);
        }
        return new NetworkServer(group, bound.channel(), connections);
    }

    /** The address and port the server listens on (the actual port when 0 was configured). */
    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    /** Stops listening, closes every connection and waits (bounded) until its threads ended. */
    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
        // Closed one by one, so that every peer sees its connection end.
        connections.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
        EventLoops.shutdown(group);
    }
}
