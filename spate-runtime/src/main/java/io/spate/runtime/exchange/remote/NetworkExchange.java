package io.spate.runtime.exchange.remote;

import io.spate.annotations.Internal;
import io.spate.annotations.ThreadSafe;
import io.spate.common.JobId;
import io.spate.common.config.Configuration;
import io.spate.common.serialization.TypeSerializer;
import io.spate.network.Connection;
import io.spate.network.ControlMessage;
import io.spate.network.FrameConsumer;
import io.spate.network.InboundFrame;
import io.spate.network.InboundHandler;
import io.spate.network.NetworkClient;
import io.spate.network.NetworkConfig;
import io.spate.network.NetworkOptions;
import io.spate.network.NetworkServer;
import io.spate.runtime.exchange.ChannelId;
import io.spate.runtime.exchange.InputChannel;
import io.spate.runtime.exchange.OutputChannel;
import io.spate.runtime.exchange.RemoteExchange;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RemoteExchange} of one TaskManager process over spate-network: a {@link NetworkServer}
 * that consumers' channels are reached at, and a {@link NetworkClient} with one shared {@link
 * Connection} per remote process that producers here send to.
 *
 * <h2>Protocol</h2>
 *
 * <pre>
 *   producer's process                                   consumer's process
 *   outputChannel(addr, id) ─ first offer once connected ─►
 *        CONTROL BIND_CHANNEL {id, n, producer address}  ──► remembers n → id for this connection
 *        OPEN_CHANNEL n                                  ──► registry[id] receives the frames
 *        ◄── CREDIT (network.channel-credit of the consumer's process)
 *        DATA (one item per frame)                       ──► queue ──► InputChannel.poll() decodes,
 *        ◄── CREDIT as frames are released                                releases the frame
 *        CLOSE_CHANNEL n after END_OF_INPUT, or on release
 * </pre>
 *
 * The binding is a control message (type {@link ExchangeCodec#BIND_CHANNEL} = {@code 0x53504301})
 * sent from the same thread just before the channel is opened, so it arrives first. Its body, big
 * endian: {@code long jobId.high, long jobId.low, int attempt, int edgeId, int producer, int
 * consumer, int channel number, UTF producer address} (UTF as {@code DataOutput.writeUTF}).
 *
 * <h2>Frame payloads</h2>
 *
 * One item per frame; the first byte is its kind:
 *
 * <ul>
 *   <li>{@code 1} batch: {@code int count}, then per record {@code long timestamp} and the bytes of
 *       the channel's {@link TypeSerializer}. A batch whose encoding exceeds {@code
 *       network.max-frame-size} travels as several batch frames of whole records; a record that
 *       does not fit a frame alone fails the producer.
 *   <li>{@code 2} end of input, {@code 3} idle, {@code 4} active: nothing follows.
 *   <li>{@code 5} watermark: {@code long timestamp}.
 *   <li>{@code 6} barrier: {@code long checkpointId, long timestamp, boolean hasDirectory, [string
 *       directory (varint length, UTF-8)], boolean savepoint, boolean endOfData}.
 * </ul>
 *
 * <h2>Threads</h2>
 *
 * Each {@link OutputChannel} is used by its producer's thread only, each {@link InputChannel} by
 * its consumer's thread; neither blocks. Connections are made on a small pool of connector threads
 * ({@code spate-exchange-connector-*}); frames arrive on the transport's event loops and are handed
 * over through a single-producer, single-consumer queue per channel.
 *
 * <h2>Failures</h2>
 *
 * A connection that cannot be made, or that breaks, makes the next {@code offer} of its channels
 * throw, naming the consumer's address. A producer whose connection or channel closes before its
 * end of input makes {@code poll} throw once the frames that did arrive are consumed.
 */
@Internal
@ThreadSafe
public final class NetworkExchange implements RemoteExchange, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkExchange.class);
    private static final int CONNECTOR_THREADS = 2;

    private final NetworkConfig config;
    private final NetworkServer server;
    private final NetworkClient client;
    private final ThreadPoolExecutor connector;
    private final String address;

    private final ConcurrentHashMap<String, PeerConnection> peers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ChannelId, RemoteOutputChannel> outputs =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ChannelId, RemoteInputChannel> inputs =
            new ConcurrentHashMap<>();
    private final Set<Connection> accepted = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private NetworkExchange(NetworkConfig config, String name) {
        this.config = config;
        this.server = NetworkServer.start(config, name, this::accept);
        try {
            this.client = new NetworkClient(config, name);
            this.address = advertisedAddress(server.address());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        AtomicInteger threads = new AtomicInteger();
        this.connector =
                new ThreadPoolExecutor(
                        CONNECTOR_THREADS,
                        CONNECTOR_THREADS,
                        30,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(),
                        r -> {
                            Thread t =
                                    new Thread(
                                            r,
                                            "spate-exchange-connector-"
                                                    + threads.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        connector.allowCoreThreadTimeOut(true);
    }

    /**
     * Starts listening on {@code network.bind-address} and {@code network.port} (0: any free port).
     *
     * @param name how this process introduces itself to peers (e.g. "taskmanager-1")
     * @throws io.spate.network.NetworkException when the address cannot be bound
     */
    public static NetworkExchange start(Configuration config, String name) {
        return start(NetworkConfig.from(config), name);
    }

    /** As {@link #start(Configuration, String)}, with resolved settings. */
    public static NetworkExchange start(NetworkConfig config, String name) {
        return new NetworkExchange(config, name);
    }

    private InboundHandler accept(Connection connection) {
        accepted.add(connection);
        connection.closeFuture().thenRun(() -> accepted.remove(connection));
        return new ConsumerSide();
    }

    @Override
    public String address() {
        return address;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Does not block: the connection to {@code consumerAddress} is made in the background, and
     * {@link OutputChannel#offer} returns {@code false} until it is made and the consumer granted
     * credit.
     *
     * @param consumerAddress {@code host:port}, as the consumer's {@link #address()} gave it
     */
    @Override
    public OutputChannel outputChannel(
            String consumerAddress, ChannelId id, TypeSerializer<Object> serializer) {
        checkNotClosed();
        PeerConnection peer = peers.compute(consumerAddress, this::connectIfNeeded);
        RemoteOutputChannel channel =
                new RemoteOutputChannel(id, peer, address, serializer, config.maxFrameSize());
        RemoteOutputChannel previous = outputs.put(id, channel);
        if (previous != null) {
            previous.close();
        }
        return channel;
    }

    private PeerConnection connectIfNeeded(String consumerAddress, PeerConnection existing) {
        if (existing != null && !existing.isBroken()) {
            return existing;
        }
        int colon = consumerAddress.lastIndexOf(':');
        if (colon <= 0 || colon == consumerAddress.length() - 1) {
            throw new IllegalArgumentException(
                    "'" + consumerAddress + "' is not an exchange address (host:port)");
        }
        String host = consumerAddress.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(consumerAddress.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + consumerAddress + "' is not an exchange address (host:port)", e);
        }
        PeerConnection peer = new PeerConnection(consumerAddress);
        connector.execute(
                () -> {
                    try {
                        Connection c = client.connect(host, port, new ProducerSide());
                        peer.connected(c);
                        c.closeFuture().thenRun(() -> peers.remove(consumerAddress, peer));
                    } catch (RuntimeException e) {
                        LOG.warn("Cannot connect to the exchange at {}", consumerAddress, e);
                        peer.failed(e);
                    }
                });
        return peer;
    }

    @Override
    public InputChannel inputChannel(ChannelId id, TypeSerializer<Object> serializer) {
        checkNotClosed();
        RemoteInputChannel channel = input(id);
        channel.setSerializer(serializer);
        return channel;
    }

    private RemoteInputChannel input(ChannelId id) {
        return inputs.computeIfAbsent(id, k -> new RemoteInputChannel(k, config.channelCredit()));
    }

    @Override
    public void release(JobId jobId, int attempt) {
        outputs.values()
                .removeIf(
                        ch -> {
                            if (ofRun(ch.id(), jobId, attempt)) {
                                ch.close();
                                return true;
                            }
                            return false;
                        });
        inputs.values()
                .removeIf(
                        ch -> {
                            if (ofRun(ch.id(), jobId, attempt)) {
                                ch.release();
                                return true;
                            }
                            return false;
                        });
    }

    private static boolean ofRun(ChannelId id, JobId jobId, int attempt) {
        return id.jobId().equals(jobId) && id.attempt() == attempt;
    }

    /** Frames received on a channel and not yet polled; for tests. */
    int bufferedFrames(ChannelId id) {
        RemoteInputChannel channel = inputs.get(id);
        return channel == null ? 0 : channel.bufferedFrames();
    }

    /** Closes the server, every connection and the connector threads; frees buffered frames. */
    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        // each connection closed explicitly, so that the peers see it closed at once
        for (PeerConnection peer : peers.values()) {
            peer.close();
        }
        for (Connection connection : accepted) {
            connection.close();
        }
        try {
            client.close();
        } finally {
            server.close();
            for (RemoteInputChannel channel : inputs.values()) {
                channel.release();
            }
            inputs.clear();
            outputs.clear();
            peers.clear();
        }
    }

    @Override
    public String toString() {
        return "NetworkExchange[" + address + "]";
    }

    private void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException("the exchange at " + address + " is closed");
        }
    }

    private static String advertisedAddress(InetSocketAddress bound) {
        InetAddress host = bound.getAddress();
        if (host.isAnyLocalAddress()) {
            try {
                host = InetAddress.getLocalHost();
            } catch (UnknownHostException e) {
                throw new IllegalStateException(
                        "the exchange listens on every interface, but this host's own address"
                                + " cannot be resolved; set "
                                + NetworkOptions.BIND_ADDRESS.key(),
                        e);
            }
        }
        return host.getHostAddress() + ":" + bound.getPort();
    }

    /** What producers in other processes send on a connection they made to this one. */
    private final class ConsumerSide implements InboundHandler {
        /** Channel numbers announced by a binding and not yet opened; event loop only. */
        private final Map<Integer, ExchangeCodec.Binding> announced = new HashMap<>();

        @Override
        public void onControlMessage(Connection connection, ControlMessage message) {
            if (message.type() != ExchangeCodec.BIND_CHANNEL) {
                LOG.warn(
                        "Ignoring a control message of unknown type {} from {}",
                        message.type(),
                        connection);
                return;
            }
            try {
                ExchangeCodec.Binding binding = ExchangeCodec.decodeBinding(message.body());
                announced.put(binding.number(), binding);
            } catch (IOException e) {
                LOG.warn("Ignoring a malformed channel binding from {}", connection, e);
            }
        }

        @Override
        public FrameConsumer onChannelOpened(Connection connection, int number) {
            ExchangeCodec.Binding binding = announced.remove(number);
            if (binding == null) {
                LOG.warn(
                        "{} opened channel {} without binding it to a ChannelId; dropping its"
                                + " frames",
                        connection,
                        number);
                return DISCARD;
            }
            if (closed) {
                return DISCARD;
            }
            RemoteInputChannel channel = input(binding.id());
            if (!channel.attach(binding.producerAddress())) {
                LOG.warn(
                        "{} opened channel {} for {}, which another producer opened already;"
                                + " dropping its frames",
                        connection,
                        number,
                        binding.id());
                return DISCARD;
            }
            return channel;
        }
    }

    /** Consumers send nothing back but credit; a channel they open anyway is drained. */
    private static final class ProducerSide implements InboundHandler {
        @Override
        public FrameConsumer onChannelOpened(Connection connection, int number) {
            return DISCARD;
        }
    }

    private static final FrameConsumer DISCARD = InboundFrame::release;
}
