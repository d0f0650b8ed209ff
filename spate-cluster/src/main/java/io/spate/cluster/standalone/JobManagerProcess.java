package io.spate.cluster.standalone;

import io.spate.api.cluster.ClusterProcess;
import io.spate.api.cluster.ClusterProcessFactory;
import io.spate.cluster.artifacts.ArtifactStore;
import io.spate.cluster.artifacts.JobClassLoaders;
import io.spate.cluster.jobmaster.JobManager;
import io.spate.cluster.jobmaster.JobSubmissions;
import io.spate.cluster.rest.RestServer;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.Consumer;

/**
 * {@code spate jobmanager}: the standalone JobManager. It runs the {@link JobManager} role
 * (Dispatcher, JobMasters, ResourceManager), the endpoint TaskManagers register, heartbeat and
 * report on their subtasks with ({@link ResourceManagerEndpoint}), and the REST API clients submit
 * and control jobs through.
 */
public final class JobManagerProcess implements ClusterProcess {
    private final JobManager jobManager;
    private final ResourceManagerEndpoint resources;
    private final RestServer rest;
    private final JobClassLoaders classLoaders;
    private final ArtifactStore artifactStore;

    private JobManagerProcess(
            JobManager jobManager,
            ResourceManagerEndpoint resources,
            RestServer rest,
            JobClassLoaders classLoaders,
            ArtifactStore artifactStore) {
        this.jobManager = jobManager;
        this.resources = resources;
        this.rest = rest;
        this.classLoaders = classLoaders;
        this.artifactStore = artifactStore;
    }

    /**
     * Starts the role, then listens for TaskManagers and for REST clients.
     *
     * @throws io.spate.network.NetworkException when the TaskManagers' port is in use
     * @throws IllegalStateException when no REST port is free
     */
    public static JobManagerProcess start(
            Configuration conf, Clock clock, Consumer<String> announcements) {
        JobClassLoaders classLoaders = new JobClassLoaders();
        ArtifactStore artifactStore = ArtifactStore.open(conf);
        JobManager jobManager = new JobManager(clock, classLoaders::get);
        JobSubmissions submissions =
                new JobSubmissions(artifactStore, classLoaders, jobManager.dispatcher());
        JobArtifacts shipped = new JobArtifacts(submissions::artifactOf, submissions::artifactPath);
        ResourceManagerEndpoint started = null;
        try {
            ResourceManagerEndpoint endpoint =
                    ResourceManagerEndpoint.start(
                            conf, clock, announcements, jobManager.resourceManager(), shipped);
            started = endpoint;
            submissions.onJobEnded(
                    jobId -> {
                        shipped.release(jobId);
                        endpoint.releaseJob(jobId);
                    });
            // The API waits for people, in wall-clock time, whatever clock the jobs use.
            RestServer rest =
                    RestServer.start(jobManager.dispatcher(), submissions, conf, Clock.system());
            InetSocketAddress a = endpoint.address();
            announcements.accept(
                    "JobManager listening on "
                            + a.getHostString()
                            + ":"
                            + a.getPort()
                            + " for TaskManagers; REST API on "
                            + rest.address()
                            + " (spate run/list/cancel --jobmanager "
                            + rest.address().getHost()
                            + ":"
                            + rest.address().getPort()
                            + ")");
            return new JobManagerProcess(jobManager, endpoint, rest, classLoaders, artifactStore);
        } catch (RuntimeException e) {
            if (started != null) {
                started.close();
            }
            jobManager.close();
            classLoaders.close();
            artifactStore.close();
            throw e;
        }
    }

    public ResourceManagerEndpoint resources() {
        return resources;
    }

    /** The base address of the REST API. */
    public URI restAddress() {
        return rest.address();
    }

    /**
     * Stops in order: the REST API (after answering what is in flight), the TaskManagers' endpoint
     * (telling each that the JobManager leaves, so they cancel their subtasks), then the role's
     * threads.
     */
    @Override
    public void close() {
        rest.close();
        resources.close();
        jobManager.close();
        classLoaders.close();
        artifactStore.close();
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
