package io.spate.cluster.controlplane;

import java.util.Objects;

/**
 * The messages between a TaskManager and the JobManager's resource-manager endpoint, carried in
 * CONTROL frames of spate-network and encoded by {@link ControlPlaneCodec}. See ADR 0010.
 *
 * <pre>
 *   TaskManager                          JobManager
 *      │ ── RegisterTaskManager ─────────► │
 *      │ ◄──────── RegistrationAck ─────── │   (or RegistrationRefusal, then close)
 *      │ ── Heartbeat(seq) ──────────────► │   every heartbeat interval, both ways
 *      │ ◄────────────── Heartbeat(seq) ── │
 *      │ ── Disconnect(reason) ──────────► │   either side, when it leaves in order
 * </pre>
 */
public sealed interface ControlPlaneMessage {

    /**
     * A TaskManager offers its slots.
     *
     * @param address where the TaskManager can be reached by its peers (host, for now the host it
     *     connects from; later its data-plane endpoint)
     * @param slots task slots, at least 1
     */
    record RegisterTaskManager(
            TaskManagerId id, String address, int slots, ResourceProfile resources)
            implements ControlPlaneMessage {
        public RegisterTaskManager {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(resources, "resources");
        }
    }

    /**
     * The JobManager accepted a registration; the heartbeat settings are the JobManager's, so that
     * both sides use the same.
     */
    record RegistrationAck(
            TaskManagerId id, long heartbeatIntervalMillis, long heartbeatTimeoutMillis)
            implements ControlPlaneMessage {
        public RegistrationAck {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The JobManager refused a registration and closes the connection. */
    record RegistrationRefusal(String reason) implements ControlPlaneMessage {
        public RegistrationRefusal {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** I am alive: sent by each side every heartbeat interval, numbered from 1 per connection. */
    record Heartbeat(long sequence) implements ControlPlaneMessage {}

    /** The sender leaves in order (shutdown) and closes the connection. */
    record Disconnect(String reason) implements ControlPlaneMessage {
        public Disconnect {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * What a TaskManager has to offer besides slots.
     *
     * @param cpuCores processors its worker threads may use
     * @param memoryBytes the most heap its JVM may use
     */
    record ResourceProfile(int cpuCores, long memoryBytes) {}
}
