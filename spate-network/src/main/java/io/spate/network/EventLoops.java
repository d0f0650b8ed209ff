package io.spate.network;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

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
}
