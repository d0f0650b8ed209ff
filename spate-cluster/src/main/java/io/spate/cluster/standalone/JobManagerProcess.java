package io.spate.cluster.standalone;

import io.spate.api.cluster.ClusterProcess;
import io.spate.api.cluster.ClusterProcessFactory;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * {@code spate jobmanager}: the standalone JobManager. Today it runs the resource-manager endpoint
 * that TaskManagers register and heartbeat with; the Dispatcher and JobMasters join it when jobs
 * can be submitted to a standalone cluster (issue 6).
 */
public final class JobManagerProcess implements ClusterProcess {
    private final ResourceManagerEndpoint resources;

    private JobManagerProcess(ResourceManagerEndpoint resources) {
        this.resources = resources;
    }

    public static JobManagerProcess start(
            Configuration conf, Clock clock, Consumer<String> announcements) {
        ResourceManagerEndpoint resources =
                ResourceManagerEndpoint.start(conf, clock, announcements);
        InetSocketAddress a = resources.address();
        announcements.accept("JobManager listening on " + a.getHostString() + ":" + a.getPort());
        return new JobManagerProcess(resources);
    }

    public ResourceManagerEndpoint resources() {
        return resources;
    }

    @Override
    public void close() {
        resources.close();
    }

    /** Registered as a {@link java.util.ServiceLoader} service for the command line. */
    public static final class Factory implements ClusterProcessFactory {
        @Override
        public String role() {
            return "jobmanager";
        }

        @Override
        public ClusterProcess start(Configuration configuration, Consumer<String> announcements) {
            return JobManagerProcess.start(configuration, Clock.system(), announcements);
        }
    }
}
