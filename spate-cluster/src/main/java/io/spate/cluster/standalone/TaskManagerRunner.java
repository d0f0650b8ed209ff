package io.spate.cluster.standalone;

import io.spate.cluster.ClusterOptions;
import io.spate.cluster.controlplane.ControlPlaneCodec;
import io.spate.cluster.controlplane.ControlPlaneException;
import io.spate.cluster.controlplane.ControlPlaneMessage;
import io.spate.cluster.controlplane.ControlPlaneMessage.Disconnect;
import io.spate.cluster.controlplane.ControlPlaneMessage.Heartbeat;
import io.spate.cluster.controlplane.ControlPlaneMessage.RegisterTaskManager;
import io.spate.cluster.controlplane.ControlPlaneMessage.RegistrationAck;
import io.spate.cluster.controlplane.ControlPlaneMessage.RegistrationRefusal;
import io.spate.cluster.controlplane.ControlPlaneMessage.ResourceProfile;
import io.spate.cluster.controlplane.TaskManagerId;
import io.spate.common.config.Configuration;
import io.spate.common.config.Hardware;
import io.spate.common.time.Clock;
import io.spate.network.Connection;
import io.spate.network.ControlMessage;
import io.spate.network.FrameConsumer;
import io.spate.network.InboundHandler;
import io.spate.network.NetworkClient;
import io.spate.network.NetworkConfig;
import io.spate.network.NetworkException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager's side of the control plane: connects to the JobManager at {@code
 * jobmanager.rpc.address:port}, registers its slots, exchanges heartbeats, and when it loses the
 * JobManager (no heartbeat within the timeout, the connection closed, the JobManager left) calls
 * the {@link JobManagerLossListener} and registers again, waiting 100 ms, then twice as long after
 * each failed attempt, up to {@code taskmanager.reconnect.max-backoff}.
 *
 * <p>Lifecycle: {@code start} → registered ⇄ reconnecting → closed. Threads: the network event loop
 * only decodes; all state lives on the control thread {@code spate-taskmanager-control}, which also
 * connects (blocking, bounded by the network timeouts) and runs the heartbeat timer.
 */
public final class TaskManagerRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerRunner.class);
    private static final long FIRST_BACKOFF_MILLIS = 100;

    private final TaskManagerId id;
    private final String host;
    private final int port;
    private final int slots;
    private final Clock clock;
    private final Consumer<String> announcements;
    private final JobManagerLossListener lossListener;
    private final String exchangeAddress;
    private final Consumer<ControlPlaneMessage> taskMessages;
    private final long maxBackoffMillis;
    private final long startupWaitMillis;
    private final NetworkClient client;
    private final ControlThread control = new ControlThread("spate-taskmanager-control");

    // ---- state of the control thread
    private Link link;
    private long intervalMillis;
    private long timeoutMillis;
    private long backoffMillis = FIRST_BACKOFF_MILLIS;
    private ScheduledFuture<?> ticker;
    private boolean closed;
    private volatile boolean registered;
    private volatile int registrations;

    private TaskManagerRunner(
            Configuration conf,
            Clock clock,
            Consumer<String> announcements,
            JobManagerLossListener lossListener,
            String exchangeAddress,
            Consumer<ControlPlaneMessage> taskMessages) {
        this.id = TaskManagerId.generate();
        this.exchangeAddress = exchangeAddress;
        this.taskMessages = taskMessages;
        this.host = conf.get(StandaloneOptions.RPC_ADDRESS);
        this.port = conf.get(StandaloneOptions.RPC_PORT);
        Integer configuredSlots = conf.get(ClusterOptions.TASK_SLOTS);
        this.slots = configuredSlots == null ? 1 : configuredSlots;
        this.clock = clock;
        this.announcements = announcements;
        this.lossListener = lossListener;
        this.intervalMillis = conf.get(StandaloneOptions.HEARTBEAT_INTERVAL).toMillis();
        this.timeoutMillis = conf.get(StandaloneOptions.HEARTBEAT_TIMEOUT).toMillis();
        this.maxBackoffMillis =
                Math.max(
                        FIRST_BACKOFF_MILLIS,
                        conf.get(StandaloneOptions.RECONNECT_MAX_BACKOFF).toMillis());
        if (intervalMillis <= 0 || timeoutMillis <= 0) {
            throw new IllegalArgumentException(
                    "heartbeat.interval and heartbeat.timeout must be positive");
        }
        NetworkConfig network = NetworkConfig.from(conf);
        this.startupWaitMillis =
                network.connectTimeout().toMillis()
                        + network.handshakeTimeout().toMillis()
                        + timeoutMillis
                        + 5_000;
        this.client = new NetworkClient(network, id.value());
    }

    /**
     * Connects and registers, waiting until the JobManager accepted; afterwards the runner keeps
     * itself registered until {@link #close()}.
     *
     * @throws NetworkException when the JobManager cannot be reached (nothing listening, another
     *     protocol version, a wrong token)
     * @throws ControlPlaneException when it refused the registration or did not answer in time
     */
    public static TaskManagerRunner start(
            Configuration conf,
            Clock clock,
            Consumer<String> announcements,
            JobManagerLossListener lossListener) {
        return start(conf, clock, announcements, lossListener, null, null);
    }

    /**
     * Like {@link #start(Configuration, Clock, Consumer, JobManagerLossListener)}, for a
     * TaskManager that runs subtasks.
     *
     * @param exchangeAddress where other TaskManagers reach this one's exchange ({@code
     *     host:port}), told to the JobManager in the registration
     * @param taskMessages receives, on the control thread, the JobManager's messages about subtasks
     *     (deploy, cancel, checkpoints, jars); must not block
     */
    public static TaskManagerRunner start(
            Configuration conf,
            Clock clock,
            Consumer<String> announcements,
            JobManagerLossListener lossListener,
            String exchangeAddress,
            Consumer<ControlPlaneMessage> taskMessages) {
        TaskManagerRunner runner =
                new TaskManagerRunner(
                        conf, clock, announcements, lossListener, exchangeAddress, taskMessages);
        try {
            CompletableFuture<Void> first =
                    runner.control.call(runner::attempt, runner.startupWaitMillis);
            first.get(runner.startupWaitMillis, TimeUnit.MILLISECONDS);
            return runner;
        } catch (ExecutionException e) {
            runner.close();
            throw e.getCause() instanceof RuntimeException re
                    ? re
                    : new ControlPlaneException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            runner.close();
            throw new ControlPlaneException(
                    "could not register with the JobManager at "
                            + runner.jobManager()
                            + " in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runner.close();
            throw new ControlPlaneException("interrupted while registering", e);
        } catch (RuntimeException e) {
            runner.close();
            throw e;
        }
    }

    public TaskManagerId id() {
        return id;
    }

    public int slots() {
        return slots;
    }

    /** Whether the JobManager has accepted this TaskManager on the current connection. */
    public boolean isRegistered() {
        return registered;
    }

    /** How often the JobManager accepted this TaskManager: 1 after start, +1 per reconnect. */
    public int registrations() {
        return registrations;
    }

    /** Tells the JobManager it leaves, closes the connection and ends its threads (bounded). */
    @Override
    public void close() {
        try {
            control.call(
                    () -> {
                        closed = true;
                        if (link != null) {
                            Link l = link;
                            if (registered) {
                                try {
                                    l.connection
                                            .sendControl(
                                                    ControlPlaneCodec.encode(
                                                            new Disconnect(
                                                                    "the TaskManager shuts down")))
                                            .get(1, TimeUnit.SECONDS);
                                } catch (ExecutionException | TimeoutException e) {
                                    LOG.debug("Could not say goodbye to the JobManager", e);
                                }
                            }
                            disconnect();
                        }
                        return null;
                    },
                    10_000);
        } catch (IllegalStateException e) {
            LOG.debug("Closing the TaskManager's control thread: {}", e.getMessage());
        }
        client.close();
        control.shutdown();
    }

    /**
     * Sends a message to the JobManager if registered now; otherwise drops it (the subtasks it is
     * about are being cancelled, as the JobManager is lost).
     */
    public void send(ControlPlaneMessage message) {
        control.execute(
                () -> {
                    if (link != null && registered) {
                        link.send(message);
                    } else {
                        LOG.debug("Not registered; dropping {}", message);
                    }
                });
    }

    private String jobManager() {
        return host + ":" + port;
    }

    // ---- on the control thread

    /** Connects and sends the registration; the result completes when the JobManager answered. */
    private CompletableFuture<Void> attempt() {
        Link l = new Link();
        try {
            l.connection = client.connect(host, port, l);
        } catch (NetworkException e) {
            return CompletableFuture.failedFuture(e);
        }
        link = l;
        l.lastHeardNanos = clock.nanoTime();
        String address =
                exchangeAddress != null
                        ? exchangeAddress
                        : l.connection.localAddress().getHostString();
        l.send(
                new RegisterTaskManager(
                        id,
                        address,
                        slots,
                        new ResourceProfile(
                                Hardware.availableProcessors(), Runtime.getRuntime().maxMemory())));
        control.schedule(
                () -> {
                    if (link == l && !l.registration.isDone()) {
                        l.registration.completeExceptionally(
                                new ControlPlaneException(
                                        "the JobManager at "
                                                + jobManager()
                                                + " did not answer the registration within "
                                                + timeoutMillis
                                                + " ms"));
                        disconnect();
                    }
                },
                timeoutMillis);
        return l.registration;
    }

    private void onMessage(Link l, ControlPlaneMessage message) {
        if (link != l) {
            return;
        }
        l.lastHeardNanos = clock.nanoTime();
        if (message instanceof RegistrationAck ack) {
            intervalMillis = ack.heartbeatIntervalMillis();
            timeoutMillis = ack.heartbeatTimeoutMillis();
            backoffMillis = FIRST_BACKOFF_MILLIS;
            registered = true;
            registrations++;
            ticker = control.every(this::tick, Math.max(1, intervalMillis / 2));
            String line =
                    "TaskManager "
                            + id
                            + " registered with the JobManager at "
                            + jobManager()
                            + " ("
                            + slots
                            + " slot(s))";
            LOG.info(line);
            announce(line);
            l.registration.complete(null);
        } else if (message instanceof RegistrationRefusal refusal) {
            l.registration.completeExceptionally(
                    new ControlPlaneException(
                            "the JobManager at "
                                    + jobManager()
                                    + " refused the registration: "
                                    + refusal.reason()));
            disconnect();
        } else if (message instanceof Heartbeat) {
            // lastHeardNanos is all a heartbeat is for
        } else if (message instanceof Disconnect d) {
            lost("it left (" + d.reason() + ")");
        } else if (taskMessages != null && registered) {
            taskMessages.accept(message);
        } else {
            lost("it broke the control protocol: it sent " + message.getClass().getSimpleName());
        }
    }

    private void onClosed(Link l, Throwable cause) {
        if (link != l) {
            return;
        }
        String reason =
                cause == null
                        ? "the connection closed"
                        : "the connection failed: " + cause.getMessage();
        if (!l.registration.isDone()) {
            l.registration.completeExceptionally(
                    new ControlPlaneException(
                            "the JobManager at "
                                    + jobManager()
                                    + " closed the connection before"
                                    + " answering the registration ("
                                    + reason
                                    + ")"));
            disconnect();
        } else {
            lost(reason);
        }
    }

    private void tick() {
        Link l = link;
        if (l == null || !registered) {
            return;
        }
        long now = clock.nanoTime();
        if (TimeUnit.NANOSECONDS.toMillis(now - l.lastHeardNanos) > timeoutMillis) {
            lost("no heartbeat within " + timeoutMillis + " ms (heartbeat.timeout)");
        } else if (TimeUnit.NANOSECONDS.toMillis(now - l.lastSentNanos) >= intervalMillis) {
            l.lastSentNanos = now;
            l.send(new Heartbeat(++l.sequence));
        }
    }

    private void lost(String reason) {
        if (link == null) {
            return;
        }
        disconnect();
        String line =
                "TaskManager "
                        + id
                        + " lost the JobManager at "
                        + jobManager()
                        + ": "
                        + reason
                        + "; stopping its tasks and registering again";
        // Announced on the console already; at INFO so that a WARN console does not repeat it.
        LOG.info(line);
        announce(line);
        try {
            lossListener.onJobManagerLost(reason);
        } catch (RuntimeException e) {
            LOG.error("The JobManager-loss hook failed", e);
        }
        scheduleReconnect();
    }

    /** Forgets the current connection and closes it; its late messages are ignored. */
    private void disconnect() {
        Link l = link;
        link = null;
        registered = false;
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
        if (l == null) {
            return;
        }
        if (!l.registration.isDone()) {
            l.registration.completeExceptionally(
                    new ControlPlaneException(
                            "the connection to the JobManager at "
                                    + jobManager()
                                    + " ended before it answered the registration"));
        }
        if (l.connection != null) {
            l.connection.close();
        }
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        long delay = backoffMillis;
        backoffMillis = Math.min(maxBackoffMillis, backoffMillis * 2);
        control.schedule(this::reconnect, delay);
    }

    private void reconnect() {
        if (closed || link != null) {
            return;
        }
        attempt()
                .whenComplete(
                        (ok, failure) -> {
                            if (failure != null) {
                                control.execute(
                                        () -> {
                                            LOG.info(
                                                    "Registering again with the JobManager at {}"
                                                            + " failed: {}; next try in {} ms",
                                                    jobManager(),
                                                    failure.getMessage(),
                                                    backoffMillis);
                                            if (link == null) {
                                                scheduleReconnect();
                                            }
                                        });
                            }
                        });
    }

    private void announce(String line) {
        try {
            announcements.accept(line);
        } catch (RuntimeException e) {
            LOG.warn("Could not announce '{}'", line, e);
        }
    }

    /** One connection to the JobManager; fields belong to the control thread. */
    private final class Link implements InboundHandler {
        final CompletableFuture<Void> registration = new CompletableFuture<>();
        Connection connection;
        long lastHeardNanos;
        long lastSentNanos;
        long sequence;

        void send(ControlPlaneMessage message) {
            connection
                    .sendControl(ControlPlaneCodec.encode(message))
                    .exceptionally(
                            e -> {
                                LOG.debug("Could not send {} to the JobManager", message, e);
                                return null;
                            });
        }

        @Override
        public FrameConsumer onChannelOpened(Connection c, int channelId) {
            throw new ControlPlaneException(
                    "the JobManager may not open data channels on the control connection");
        }

        @Override
        public void onControlMessage(Connection c, ControlMessage message) {
            ControlPlaneMessage decoded;
            try {
                decoded = ControlPlaneCodec.decode(message, "the JobManager at " + jobManager());
            } catch (ControlPlaneException e) {
                control.execute(
                        () -> {
                            if (link == this) {
                                lost(e.getMessage());
                            }
                        });
                return;
            }
            control.execute(() -> onMessage(this, decoded));
        }

        @Override
        public void onClosed(Connection c, Throwable cause) {
            control.execute(() -> TaskManagerRunner.this.onClosed(this, cause));
        }
    }
}
