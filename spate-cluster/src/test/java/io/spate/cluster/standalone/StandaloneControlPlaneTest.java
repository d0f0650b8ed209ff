package io.spate.cluster.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.spate.cluster.ClusterOptions;
import io.spate.cluster.controlplane.ControlPlaneCodec;
import io.spate.cluster.controlplane.ControlPlaneException;
import io.spate.cluster.controlplane.ControlPlaneMessage.RegisterTaskManager;
import io.spate.cluster.controlplane.ControlPlaneMessage.RegistrationAck;
import io.spate.cluster.controlplane.ControlPlaneMessage.ResourceProfile;
import io.spate.cluster.controlplane.TaskManagerId;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import io.spate.network.Connection;
import io.spate.network.ControlMessage;
import io.spate.network.FrameConsumer;
import io.spate.network.InboundHandler;
import io.spate.network.NetworkClient;
import io.spate.network.NetworkConfig;
import io.spate.network.NetworkException;
import io.spate.network.NetworkServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The control plane in one JVM over loopback sockets: TaskManagers register and heartbeat, and each
 * side detects the loss of the other within {@code heartbeat.timeout} (1 s here).
 */
class StandaloneControlPlaneTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    /** Generous: the machine is small and shared. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<String> announced = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private static Configuration conf() {
        return new Configuration()
                .set(StandaloneOptions.RPC_PORT, 0)
                .set(StandaloneOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(100))
                .set(StandaloneOptions.HEARTBEAT_TIMEOUT, TIMEOUT)
                .set(StandaloneOptions.RECONNECT_MAX_BACKOFF, Duration.ofMillis(400));
    }

    private ResourceManagerEndpoint startJobManager() {
        ResourceManagerEndpoint jm =
                ResourceManagerEndpoint.start(conf(), Clock.system(), announced::add);
        resources.add(jm);
        return jm;
    }

    private TaskManagerRunner startTaskManager(int port, int slots, JobManagerLossListener hook) {
        Configuration conf =
                conf().set(StandaloneOptions.RPC_PORT, port).set(ClusterOptions.TASK_SLOTS, slots);
        TaskManagerRunner tm = TaskManagerRunner.start(conf, Clock.system(), announced::add, hook);
        resources.add(tm);
        return tm;
    }

    @Test
    void taskManagersRegisterTheirSlotsAndStayRegisteredThroughHeartbeats() {
        ResourceManagerEndpoint jm = startJobManager();
        TaskManagerRunner a = startTaskManager(jm.address().getPort(), 2, reason -> {});
        TaskManagerRunner b = startTaskManager(jm.address().getPort(), 3, reason -> {});

        assertThat(a.isRegistered()).isTrue();
        await().atMost(WAIT).until(() -> jm.totalSlots() == 5);
        assertThat(jm.taskManagers())
                .extracting(ResourceManagerEndpoint.TaskManagerInfo::id)
                .containsExactlyInAnyOrder(a.id(), b.id());

        // Three timeouts later, heartbeats have kept everyone registered.
        await().pollDelay(TIMEOUT.multipliedBy(3)).atMost(WAIT).until(() -> true);
        assertThat(jm.totalSlots()).isEqualTo(5);
        assertThat(a.registrations()).isEqualTo(1);
        assertThat(b.isRegistered()).isTrue();
        assertThat(announced).noneMatch(line -> line.contains("lost"));
    }

    @Test
    void aTaskManagerThatLeavesFreesItsSlots() {
        ResourceManagerEndpoint jm = startJobManager();
        TaskManagerRunner a = startTaskManager(jm.address().getPort(), 2, reason -> {});
        startTaskManager(jm.address().getPort(), 1, reason -> {});
        await().atMost(WAIT).until(() -> jm.totalSlots() == 3);

        a.close();

        await().atMost(WAIT).until(() -> jm.totalSlots() == 1);
        assertThat(announced)
                .anyMatch(
                        l ->
                                l.startsWith("TaskManager " + a.id())
                                        && l.contains("freed its 2 slot(s)"));
    }

    @Test
    void aTaskManagerThatFallsSilentIsLostWithinTheTimeout() throws Exception {
        ResourceManagerEndpoint jm = startJobManager();
        // A TaskManager that registers and then never sends a heartbeat.
        NetworkClient client = new NetworkClient(NetworkConfig.defaults(), "silent");
        resources.add(client);
        Connection c = client.connect("127.0.0.1", jm.address().getPort(), new Silent());
        c.sendControl(
                ControlPlaneCodec.encode(
                        new RegisterTaskManager(
                                new TaskManagerId("silent-tm"),
                                "127.0.0.1",
                                4,
                                new ResourceProfile(1, 1))));
        await().atMost(WAIT).until(() -> jm.totalSlots() == 4);
        long registeredAt = Clock.system().nanoTime();

        await().atMost(WAIT).until(() -> jm.totalSlots() == 0);
        Duration took = Duration.ofNanos(Clock.system().nanoTime() - registeredAt);

        assertThat(took).isLessThan(TIMEOUT.multipliedBy(5));
        assertThat(announced)
                .anyMatch(
                        l ->
                                l.startsWith("TaskManager silent-tm")
                                        && l.contains("no heartbeat within 1000 ms"));
        await().atMost(WAIT).until(() -> !c.isOpen());
    }

    @Test
    void aTaskManagerThatLosesItsJobManagerStopsAndRegistersAgain() throws Exception {
        // A JobManager that accepts the registration and then never sends a heartbeat.
        List<String> losses = new CopyOnWriteArrayList<>();
        NetworkServer silentJm =
                NetworkServer.start(NetworkConfig.defaults(), "jobmanager", SilentJobManager::new);
        resources.add(silentJm);

        TaskManagerRunner tm = startTaskManager(silentJm.port(), 1, losses::add);
        assertThat(tm.registrations()).isEqualTo(1);

        await().atMost(WAIT).until(() -> tm.registrations() >= 2);
        assertThat(losses).first().asString().startsWith("no heartbeat within 1000 ms");
        assertThat(announced).anyMatch(l -> l.contains("lost the JobManager"));
    }

    @Test
    void aTaskManagerWhoseJobManagerEndsReconnectsToItsReplacement() {
        ResourceManagerEndpoint jm = startJobManager();
        int port = jm.address().getPort();
        List<String> losses = new CopyOnWriteArrayList<>();
        TaskManagerRunner tm = startTaskManager(port, 2, losses::add);

        jm.close();
        await().atMost(WAIT).until(() -> !losses.isEmpty());
        assertThat(tm.isRegistered()).isFalse();

        ResourceManagerEndpoint replacement =
                ResourceManagerEndpoint.start(
                        conf().set(StandaloneOptions.RPC_PORT, port),
                        Clock.system(),
                        announced::add);
        resources.add(replacement);
        await().atMost(WAIT).until(() -> replacement.totalSlots() == 2);
        // The JobManager records the slots before the TaskManager reads its acknowledgement.
        await().atMost(WAIT).until(() -> tm.registrations() == 2);
        assertThat(tm.isRegistered()).isTrue();
    }

    @Test
    void startingWithoutAJobManagerFailsWithAClearMessage() {
        ResourceManagerEndpoint jm = startJobManager();
        int port = jm.address().getPort();
        jm.close();
        assertThatThrownBy(() -> startTaskManager(port, 1, r -> {}))
                .isInstanceOf(NetworkException.class)
                .hasMessage(
                        "cannot connect to 127.0.0.1:"
                                + port
                                + ": nothing listens there (connection refused)");
    }

    @Test
    void aJobManagerRefusesATaskManagerWithoutSlots() {
        ResourceManagerEndpoint jm = startJobManager();
        assertThatThrownBy(() -> startTaskManager(jm.address().getPort(), 0, r -> {}))
                .isInstanceOf(ControlPlaneException.class)
                .hasMessageContaining(
                        "refused the registration: a TaskManager must offer at least one slot");
    }

    @Test
    void aSecondJobManagerOnThePortInUseFailsClearly() {
        ResourceManagerEndpoint jm = startJobManager();
        Configuration conf = conf().set(StandaloneOptions.RPC_PORT, jm.address().getPort());
        assertThatThrownBy(() -> ResourceManagerEndpoint.start(conf, Clock.system(), l -> {}))
                .isInstanceOf(NetworkException.class)
                .hasMessageStartingWith(
                        "port " + jm.address().getPort() + " on 127.0.0.1 is in use");
    }

    private static class Silent implements InboundHandler {
        @Override
        public FrameConsumer onChannelOpened(Connection connection, int channelId) {
            throw new UnsupportedOperationException();
        }
    }

    /** Acknowledges registrations, then says nothing. */
    private static final class SilentJobManager extends Silent {
        SilentJobManager(Connection connection) {}

        @Override
        public void onControlMessage(Connection connection, ControlMessage message) {
            if (ControlPlaneCodec.decode(message, "tm") instanceof RegisterTaskManager r) {
                connection.sendControl(
                        ControlPlaneCodec.encode(new RegistrationAck(r.id(), 100, 1000)));
            }
        }
    }
}
