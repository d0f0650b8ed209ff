package io.spate.network;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Netty's event loops, with Spate's thread names and a bounded shutdown. */
final class EventLoops {
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 10;

    private EventLoops() {}

    /** Daemon threads named {@code spate-network-<role>-<pool>-<n>}. */
    static EventLoopGroup create(String role, int threads) {
        return new MultiThreadIoEventLoopGroup(
                threads,
                new DefaultThreadFactory("spate-network-" + role, true),
                NioIoHandler.newFactory());
    }

    /** Closes every channel of the group and waits (bounded) until its threads have ended. */
    static void shutdown(EventLoopGroup group) {
        group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
    }

    /**
     * Sets up each new connection of a server or client the same way: tracked in {@code
     * connections} (so that closing them is one call), frames decoded and encoded, and then the
     * side's handshake.
     */
    static ChannelInitializer<SocketChannel> framed(
            ChannelGroup connections, NetworkConfig config, Supplier<ChannelHandler> handshake) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                connections.add(ch);
                ch.pipeline()
                        .addLast(
                                new FrameDecoder(config.maxFrameSize()),
                                new FrameEncoder(),
                                handshake.get());
            }
        };
    }
}
