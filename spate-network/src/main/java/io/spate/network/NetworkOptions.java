package io.spate.network;

import io.spate.annotations.Public;
import io.spate.common.config.ConfigOption;
import java.time.Duration;

/** The configuration keys of the transport; {@link NetworkConfig#from} reads them. */
@Public
public final class NetworkOptions {

    public static final ConfigOption<String> BIND_ADDRESS =
            ConfigOption.key("network.bind-address")
                    .stringType()
                    .defaultValue("127.0.0.1")
                    .description(
                            "The address a server listens on. Loopback by default, so that no other"
                                    + " machine can reach it unless this is changed.");

    public static final ConfigOption<Integer> PORT =
            ConfigOption.key("network.port")
                    .intType()
                    .defaultValue(0)
                    .description("The port a server listens on; 0 picks a free one.");

    public static final ConfigOption<Integer> MAX_FRAME_SIZE =
            ConfigOption.key("network.max-frame-size")
                    .intType()
                    .defaultValue(16 * 1024 * 1024)
                    .description(
                            "The largest frame payload in bytes this process accepts or sends; a"
                                    + " larger one closes the connection.");

    public static final ConfigOption<Duration> CONNECT_TIMEOUT =
            ConfigOption.key("network.connect-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .description("How long a client tries to open a TCP connection.");

    public static final ConfigOption<Duration> HANDSHAKE_TIMEOUT =
            ConfigOption.key("network.handshake-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .description(
                            "How long either side waits for the other's HELLO or its answer before"
                                    + " closing the connection.");

    public static final ConfigOption<Integer> IO_THREADS =
            ConfigOption.key("network.io-threads")
                    .intType()
                    .defaultValue(1)
                    .description(
                            "Event loop threads of a server or a client (named spate-network-*).");

    public static final ConfigOption<Integer> CHANNEL_CREDIT =
            ConfigOption.key("network.channel-credit")
                    .intType()
                    .defaultValue(32)
                    .description(
                            "Frames a receiver lets a sender have in flight per logical channel:"
                                    + " the most it buffers for a consumer that has not released"
                                    + " them.");

    public static final ConfigOption<String> TOKEN =
            ConfigOption.key("network.token")
                    .stringType()
                    .noDefaultValue(
                            "A shared secret: a server refuses clients whose HELLO does not carry"
                                    + " it, a client sends it. Unset: no token.");

    private NetworkOptions() {}
}
