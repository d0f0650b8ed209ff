package io.spate.cluster.standalone;

import io.spate.cluster.controlplane.ControlPlaneCodec;
import io.spate.cluster.controlplane.ControlPlaneException;
import io.spate.cluster.controlplane.ControlPlaneMessage;
import io.spate.cluster.controlplane.ControlPlaneMessage.ArtifactChunk;
import io.spate.cluster.controlplane.ControlPlaneMessage.Disconnect;
import io.spate.cluster.controlplane.ControlPlaneMessage.FetchArtifact;
import io.spate.cluster.controlplane.ControlPlaneMessage.Heartbeat;
import io.spate.cluster.controlplane.ControlPlaneMessage.RegisterTaskManager;
import io.spate.cluster.controlplane.ControlPlaneMessage.RegistrationAck;
import io.spate.cluster.controlplane.ControlPlaneMessage.RegistrationRefusal;
import io.spate.cluster.controlplane.ControlPlaneMessage.ReleaseJob;
import io.spate.cluster.controlplane.TaskManagerId;
import io.spate.cluster.gateway.ResourceManagerGateway;
import io.spate.common.JobId;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import io.spate.network.Connection;
import io.spate.network.ControlMessage;
import io.spate.network.FrameConsumer;
import io.spate.network.InboundHandler;
import io.spate.network.NetworkConfig;
import io.spate.network.NetworkOptions;
import io.spate.network.NetworkServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone JobManager's resource-manager endpoint: listens for TaskManagers on {@code
 * jobmanager.rpc.address:port}, records the slots of each that registers, exchanges heartbeats with
 * them and declares a TaskManager lost, freeing its slots, when its connection closes or nothing
 * arrived from it within {@code heartbeat.timeout}.
 *
 * <p>Threads: the network event loop only decodes and hands messages over; all state lives on one
 * control thread ({@code spate-jobmanager-resources}), which also runs the heartbeat timer. The
 * public queries may be called from any thread.
 *
 * <p>Each registered TaskManager becomes a {@link RemoteTaskExecutor} offered to the JobManager's
 * {@link ResourceManagerGateway}; a loss unregisters it there and reports its subtasks FAILED, so
 * that their jobs fail over from their latest checkpoint onto the slots that remain. TaskManagers
 * fetch jobs' jars here too ({@code FetchArtifact}), in chunks.
 */
public final class ResourceManagerEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceManagerEndpoint.class);
    private static final long CALL_TIMEOUT_MILLIS = 10_000;
    private static final int ARTIFACT_CHUNK = 1 << 20;

    /** What the JobManager knows of a registered TaskManager. */
    public record TaskManagerInfo(TaskManagerId id, String address, int slots) {}

    private final Clock clock;
    private final Consumer<String> announcements;
    private final long intervalMillis;
    private final long timeoutMillis;
    private final long rpcTimeoutMillis;
    private final ControlThread control = new ControlThread("spate-jobmanager-resources");
    private final ControlThread artifactIo = new ControlThread("spate-jobmanager-artifacts");
    private final NetworkServer server;
    private final ResourceManagerGateway resourceManager;
    private final JobArtifacts artifacts;

    // ---- state of the control thread
    private final Set<Peer> peers = new LinkedHashSet<>();
    private final Map<TaskManagerId, Peer> registered = new LinkedHashMap<>();
    private boolean closed;

    private ResourceManagerEndpoint(
            Configuration conf,
            Clock clock,
            Consumer<String> announcements,
            ResourceManagerGateway resourceManager,
            JobArtifacts artifacts) {
        this.clock = clock;
        this.resourceManager = resourceManager;
        this.artifacts = artifacts;
        this.announcements = announcements;
        this.intervalMillis = positiveMillis(conf, StandaloneOptions.HEARTBEAT_INTERVAL);
        this.timeoutMillis = positiveMillis(conf, StandaloneOptions.HEARTBEAT_TIMEOUT);
        this.rpcTimeoutMillis = positiveMillis(conf, StandaloneOptions.RPC_TIMEOUT);
        Configuration network = new Configuration(conf);
        network.set(NetworkOptions.BIND_ADDRESS, conf.get(StandaloneOptions.RPC_ADDRESS));
        network.set(NetworkOptions.PORT, conf.get(StandaloneOptions.RPC_PORT));
        try {
            this.server =
                    NetworkServer.start(NetworkConfig.from(network), "jobmanager", this::accept);
        } catch (RuntimeException e) {
            control.shutdown();
            artifactIo.shutdown();
            throw e;
        }
        control.every(this::tick, Math.max(1, intervalMillis / 2));
    }

    /**
     * Starts listening.
     *
     * @param announcements receives the lines a person should see: TaskManagers registered, lost
     * @throws io.spate.network.NetworkException when the address cannot be bound (a port in use)
     */
    public static ResourceManagerEndpoint start(
            Configuration conf, Clock clock, Consumer<String> announcements) {
        return new ResourceManagerEndpoint(
                conf, clock, announcements, null, JobArtifacts.withoutJars());
    }

    /**
     * Starts listening and offers every TaskManager that registers to {@code resourceManager}, as a
     * remote TaskExecutor that gets jobs' graphs and jars from {@code artifacts}.
     */
    public static ResourceManagerEndpoint start(
            Configuration conf,
            Clock clock,
            Consumer<String> announcements,
            ResourceManagerGateway resourceManager,
            JobArtifacts artifacts) {
        return new ResourceManagerEndpoint(conf, clock, announcements, resourceManager, artifacts);
    }

    public InetSocketAddress address() {
        return server.address();
    }

    /** The TaskManagers registered now, in the order they registered. */
    public List<TaskManagerInfo> taskManagers() {
        return control.call(
                () -> {
                    List<TaskManagerInfo> list = new ArrayList<>();
                    for (Peer p : registered.values()) {
                        list.add(new TaskManagerInfo(p.id, p.address, p.slots));
                    }
                    return list;
                },
                CALL_TIMEOUT_MILLIS);
    }

    /** The slots of all registered TaskManagers. */
    public int totalSlots() {
        return taskManagers().stream().mapToInt(TaskManagerInfo::slots).sum();
    }

    /** Tells every TaskManager that a job ended, so that they drop its class loader and jar. */
    public void releaseJob(JobId jobId) {
        control.execute(
                () -> {
                    for (Peer p : registered.values()) {
                        if (p.remote != null) {
                            p.remote.releaseJob(jobId);
                        }
                        p.send(new ReleaseJob(jobId));
                    }
                });
    }

    /** Tells every TaskManager it leaves, stops listening and ends its threads (bounded). */
    @Override
    public void close() {
        try {
            control.call(
                    () -> {
                        closed = true;
                        for (Peer p : new ArrayList<>(peers)) {
                            p.send(new Disconnect("the JobManager shuts down"));
                            drop(p);
                        }
                        return null;
                    },
                    CALL_TIMEOUT_MILLIS);
        } catch (IllegalStateException e) {
            LOG.warn(
                    "Could not tell the TaskManagers that the JobManager shuts down: {}",
                    e.getMessage());
        }
        server.close();
        control.shutdown();
        artifactIo.shutdown();
    }

    private InboundHandler accept(Connection connection) {
        Peer peer = new Peer(connection, clock.nanoTime());
        control.execute(() -> peers.add(peer));
        return peer;
    }

    // ---- on the control thread

    private void onMessage(Peer peer, ControlPlaneMessage message) {
        if (!peers.contains(peer)) {
            return;
        }
        peer.lastHeardNanos = clock.nanoTime();
        if (message instanceof RegisterTaskManager m) {
            register(peer, m);
        } else if (message instanceof Heartbeat) {
            if (peer.id == null) {
                violation(peer, "sent a Heartbeat before it registered");
            }
        } else if (message instanceof Disconnect m) {
            lost(peer, "it left (" + m.reason() + ")");
        } else if (message instanceof FetchArtifact m && peer.id != null) {
            serveArtifact(peer, m);
        } else if (peer.remote != null && peer.remote.onMessage(message)) {
            // a report on subtasks, handed to their JobMasters
        } else {
            violation(
                    peer,
                    "sent "
                            + message.getClass().getSimpleName()
                            + ", which only a JobManager sends");
        }
    }

    private void register(Peer peer, RegisterTaskManager m) {
        if (peer.id != null) {
            violation(peer, "registered twice on one connection");
            return;
        }
        if (closed) {
            refuse(peer, "the JobManager shuts down");
            return;
        }
        if (m.slots() < 1) {
            refuse(
                    peer,
                    "a TaskManager must offer at least one slot, "
                            + m.id()
                            + " offered "
                            + m.slots());
            return;
        }
        Peer previous = registered.get(m.id());
        if (previous != null) {
            LOG.info("TaskManager {} registers again; dropping its previous connection", m.id());
            unregister(previous);
            drop(previous);
        }
        peer.id = m.id();
        peer.address = m.address();
        peer.slots = m.slots();
        registered.put(m.id(), peer);
        peer.send(new RegistrationAck(m.id(), intervalMillis, timeoutMillis));
        if (resourceManager != null) {
            peer.remote =
                    new RemoteTaskExecutor(
                            m.id(),
                            peer.remote() + ", exchange at " + m.address(),
                            peer::send,
                            artifacts,
                            control,
                            rpcTimeoutMillis);
            resourceManager.registerTaskExecutor(
                    m.id().value(), m.slots(), peer.remote, m.address());
        }
        announce(
                "TaskManager "
                        + m.id()
                        + " registered from "
                        + peer.remote()
                        + " with "
                        + m.slots()
                        + " slot(s), "
                        + m.resources().cpuCores()
                        + " core(s), "
                        + (m.resources().memoryBytes() >> 20)
                        + " MiB; "
                        + totalSlotsNow()
                        + " slot(s) on "
                        + registered.size()
                        + " TaskManager(s)");
    }

    private void tick() {
        long now = clock.nanoTime();
        for (Peer p : new ArrayList<>(peers)) {
            long silentMillis = TimeUnit.NANOSECONDS.toMillis(now - p.lastHeardNanos);
            if (silentMillis > timeoutMillis) {
                lost(p, "no heartbeat within " + timeoutMillis + " ms (heartbeat.timeout)");
            } else if (p.id != null
                    && TimeUnit.NANOSECONDS.toMillis(now - p.lastSentNanos) >= intervalMillis) {
                p.lastSentNanos = now;
                p.send(new Heartbeat(++p.sequence));
            }
        }
    }

    private void lost(Peer peer, String reason) {
        if (!peers.contains(peer)) {
            return;
        }
        if (peer.lostReason == null) {
            peer.lostReason = reason;
        }
        if (unregister(peer)) {
            String line =
                    "TaskManager "
                            + peer.id
                            + " at "
                            + peer.remote()
                            + " lost: "
                            + reason
                            + "; freed its "
                            + peer.slots
                            + " slot(s), "
                            + totalSlotsNow()
                            + " slot(s) on "
                            + registered.size()
                            + " TaskManager(s) remain";
            // Announced on the console already; at INFO so that a WARN console does not repeat it.
            LOG.info(line);
            announce(line);
        } else {
            LOG.info("Connection from {} closed before it registered: {}", peer.remote(), reason);
        }
        drop(peer);
    }

    private boolean unregister(Peer peer) {
        if (peer.id == null || !registered.remove(peer.id, peer)) {
            return false;
        }
        if (peer.remote != null) {
            // First out of the ResourceManager, so that the restarts the loss causes take other
            // slots.
            resourceManager.unregisterTaskExecutor(peer.id.value());
            peer.remote.lost(peer.lostReason == null ? "its connection ended" : peer.lostReason);
        }
        return true;
    }

    /** Sends a jar in chunks, read on the artifact thread so that heartbeats keep flowing. */
    private void serveArtifact(Peer peer, FetchArtifact m) {
        artifactIo.execute(
                () -> {
                    Path file = artifacts.artifactFile(m.artifactId());
                    if (file == null) {
                        peer.send(
                                new ArtifactChunk(
                                        m.requestId(),
                                        0,
                                        true,
                                        new byte[0],
                                        "the JobManager has no artifact " + m.artifactId()));
                        return;
                    }
                    try (InputStream in = Files.newInputStream(file)) {
                        long size = Files.size(file);
                        long chunks = Math.max(1, (size + ARTIFACT_CHUNK - 1) / ARTIFACT_CHUNK);
                        for (int index = 0; index < chunks; index++) {
                            byte[] chunk = in.readNBytes(ARTIFACT_CHUNK);
                            peer.send(
                                    new ArtifactChunk(
                                            m.requestId(),
                                            index,
                                            index == chunks - 1,
                                            chunk,
                                            null));
                        }
                    } catch (IOException e) {
                        peer.send(
                                new ArtifactChunk(
                                        m.requestId(),
                                        0,
                                        true,
                                        new byte[0],
                                        "could not read artifact " + m.artifactId() + ": " + e));
                    }
                });
    }

    private void refuse(Peer peer, String reason) {
        LOG.warn("Refused the registration of {}: {}", peer.remote(), reason);
        peer.send(new RegistrationRefusal(reason));
        drop(peer);
    }

    private void violation(Peer peer, String what) {
        lost(peer, "it broke the control protocol: it " + what);
    }

    /** Forgets the peer and closes its connection; its onClosed is then ignored. */
    private void drop(Peer peer) {
        peers.remove(peer);
        peer.connection.close();
    }

    private int totalSlotsNow() {
        return registered.values().stream().mapToInt(p -> p.slots).sum();
    }

    private void announce(String line) {
        try {
            announcements.accept(line);
        } catch (RuntimeException e) {
            LOG.warn("Could not announce '{}'", line, e);
        }
    }

    private static long positiveMillis(
            Configuration conf, io.spate.common.config.ConfigOption<Duration> option) {
        long millis = conf.get(option).toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException(
                    option.key() + " must be positive, was " + conf.get(option));
        }
        return millis;
    }

    /** One TaskManager connection; fields belong to the control thread. */
    private final class Peer implements InboundHandler {
        final Connection connection;
        long lastHeardNanos;
        long lastSentNanos;
        long sequence;
        TaskManagerId id;
        String address;
        int slots;
        RemoteTaskExecutor remote;
        String lostReason;

        Peer(Connection connection, long now) {
            this.connection = connection;
            this.lastHeardNanos = now;
            this.lastSentNanos = now;
        }

        String remote() {
            InetSocketAddress a = connection.remoteAddress();
            return a == null ? "?" : a.getHostString() + ":" + a.getPort();
        }

        void send(ControlPlaneMessage message) {
            connection
                    .sendControl(ControlPlaneCodec.encode(message))
                    .exceptionally(
                            e -> {
                                LOG.debug("Could not send {} to {}", message, remote(), e);
                                return null;
                            });
        }

        @Override
        public FrameConsumer onChannelOpened(Connection c, int channelId) {
            throw new ControlPlaneException(
                    "a TaskManager may not open data channels to the JobManager's control endpoint");
        }

        @Override
        public void onControlMessage(Connection c, ControlMessage message) {
            ControlPlaneMessage decoded;
            try {
                decoded = ControlPlaneCodec.decode(message, "TaskManager at " + remote());
            } catch (ControlPlaneException e) {
                LOG.warn("{}; closing the connection", e.getMessage());
                control.execute(() -> lost(this, e.getMessage()));
                return;
            }
            control.execute(() -> onMessage(this, decoded));
        }

        @Override
        public void onClosed(Connection c, Throwable cause) {
            control.execute(
                    () ->
                            lost(
                                    this,
                                    cause == null
                                            ? "its connection closed"
                                            : "its connection failed: " + cause.getMessage()));
        }
    }
}
