package io.spate.network;

import io.spate.annotations.Public;
import io.spate.common.config.Configuration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The resolved settings of a {@link NetworkServer} or {@link NetworkClient}; see {@link
 * NetworkOptions} for what each means.
 *
 * @param token the shared secret, or {@code null} for none
 * @param protocolVersion the version this process speaks: {@link Frames#PROTOCOL_VERSION} except in
 *     tests of a mismatch
 */
@Public
public record NetworkConfig(
        String bindAddress,
        int port,
        int maxFrameSize,
        Duration connectTimeout,
        Duration handshakeTimeout,
        int ioThreads,
        int channelCredit,
        String token,
        int protocolVersion) {

    public NetworkConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        check(port >= 0 && port <= 65535, NetworkOptions.PORT.key(), port);
        check(
                maxFrameSize > 0 && maxFrameSize <= Integer.MAX_VALUE - Frames.HEADER_SIZE,
                NetworkOptions.MAX_FRAME_SIZE.key(),
                maxFrameSize);
        check(
                !connectTimeout.isNegative() && !connectTimeout.isZero(),
                NetworkOptions.CONNECT_TIMEOUT.key(),
                connectTimeout);
        check(
                !handshakeTimeout.isNegative() && !handshakeTimeout.isZero(),
                NetworkOptions.HANDSHAKE_TIMEOUT.key(),
                handshakeTimeout);
        check(ioThreads > 0, NetworkOptions.IO_THREADS.key(), ioThreads);
        check(channelCredit > 0, NetworkOptions.CHANNEL_CREDIT.key(), channelCredit);
        if (token != null && token.getBytes(StandardCharsets.UTF_8).length > Frames.MAX_TOKEN) {
            throw new IllegalArgumentException(
                    NetworkOptions.TOKEN.key() + " is longer than " + Frames.MAX_TOKEN + " bytes");
        }
        check(protocolVersion > 0 && protocolVersion <= 255, "protocol version", protocolVersion);
    }

    /** The defaults of {@link NetworkOptions}. */
    public static NetworkConfig defaults() {
        return from(new Configuration());
    }

    public static NetworkConfig from(Configuration conf) {
        return new NetworkConfig(
                conf.get(NetworkOptions.BIND_ADDRESS),
                conf.get(NetworkOptions.PORT),
                conf.get(NetworkOptions.MAX_FRAME_SIZE),
                conf.get(NetworkOptions.CONNECT_TIMEOUT),
                conf.get(NetworkOptions.HANDSHAKE_TIMEOUT),
                conf.get(NetworkOptions.IO_THREADS),
                conf.get(NetworkOptions.CHANNEL_CREDIT),
                conf.get(NetworkOptions.TOKEN),
                Frames.PROTOCOL_VERSION);
    }

    public NetworkConfig withPort(int newPort) {
        return new NetworkConfig(
                bindAddress,
                newPort,
                maxFrameSize,
                connectTimeout,
                handshakeTimeout,
                ioThreads,
                channelCredit,
                token,
                protocolVersion);
    }

    public NetworkConfig withToken(String newToken) {
        return new NetworkConfig(
                bindAddress,
                port,
                maxFrameSize,
                connectTimeout,
                handshakeTimeout,
                ioThreads,
                channelCredit,
                newToken,
                protocolVersion);
    }

    public NetworkConfig withChannelCredit(int credit) {
        return new NetworkConfig(
                bindAddress,
                port,
                maxFrameSize,
                connectTimeout,
                handshakeTimeout,
                ioThreads,
                credit,
                token,
                protocolVersion);
    }

    public NetworkConfig withMaxFrameSize(int size) {
        return new NetworkConfig(
                bindAddress,
                port,
                size,
                connectTimeout,
                handshakeTimeout,
                ioThreads,
                channelCredit,
                token,
                protocolVersion);
    }

    /** Only for tests that play a process of another version. */
    NetworkConfig withProtocolVersion(int version) {
        return new NetworkConfig(
                bindAddress,
                port,
                maxFrameSize,
                connectTimeout,
                handshakeTimeout,
                ioThreads,
                channelCredit,
                token,
                version);
    }

    @Override
    public String toString() {
        // never print the token
        return "NetworkConfig[bindAddress="
                + bindAddress
                + ", port="
                + port
                + ", maxFrameSize="
                + maxFrameSize
                + ", connectTimeout="
                + connectTimeout
                + ", handshakeTimeout="
                + handshakeTimeout
                + ", ioThreads="
                + ioThreads
                + ", channelCredit="
                + channelCredit
                + ", token="
                + (token == null ? "none" : "set")
                + ", protocolVersion="
                + protocolVersion
                + "]";
    }

    private static void check(boolean ok, String key, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid " + key + ": " + value);
        }
    }
}
