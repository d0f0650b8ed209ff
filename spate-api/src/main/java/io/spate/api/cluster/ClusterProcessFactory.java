package io.spate.api.cluster;

import io.spate.annotations.Internal;
import io.spate.common.config.Configuration;
import java.util.function.Consumer;

/**
 * A {@link java.util.ServiceLoader} service through which the command line starts a role of a
 * standalone cluster ({@code spate jobmanager}, {@code spate taskmanager}) without depending on the
 * module that implements it. spate-cluster provides one per {@link #role()}.
 *
 * <p>Keys the command line sets: {@code jobmanager.rpc.address}, {@code jobmanager.rpc.port} (where
 * the JobManager listens, and where a TaskManager finds it) and {@code
 * taskmanager.numberOfTaskSlots}; any other key comes from {@code -D}.
 */
@Internal
public interface ClusterProcessFactory {

    /** The role this factory starts: {@code jobmanager} or {@code taskmanager}. */
    String role();

    /**
     * Starts the role in this JVM and returns once it is up: the JobManager listens, the
     * TaskManager has registered. Called once, on the command line's main thread.
     *
     * @param announcements receives the lines a person should see (listening, registered, a peer
     *     lost); called from any thread, one line at a time
     * @throws RuntimeException with a one-line message that says what failed and where (a port in
     *     use, nothing listening, a peer of another protocol version, a refused registration)
     */
    ClusterProcess start(Configuration configuration, Consumer<String> announcements);
}
