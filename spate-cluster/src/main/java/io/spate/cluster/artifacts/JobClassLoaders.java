package io.spate.cluster.artifacts;

import io.spate.common.JobId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of each job's code. A job submitted with a jar gets a {@link URLClassLoader}
 * over it whose parent is Spate's own class loader, asked first, so that Spate's classes are always
 * the process's own even if the jar bundles copies (as {@code ProgramRunner} does on the client). A
 * job without a jar, or unknown here, uses Spate's own class loader.
 *
 * <p>Thread-safe. Whoever registers a job's loader releases it once the job has ended ({@link
 * #release}); loaders this class created are closed then, loaders handed in are not.
 */
public final class JobClassLoaders implements AutoCloseable {
    private final ClassLoader spateClassLoader;
    private final Map<JobId, Entry> loaders = new ConcurrentHashMap<>();

    private record Entry(ClassLoader loader, boolean owned) {}

    public JobClassLoaders() {
        this(JobClassLoaders.class.getClassLoader());
    }

    public JobClassLoaders(ClassLoader spateClassLoader) {
        this.spateClassLoader = spateClassLoader;
    }

    /**
     * Creates the loader of {@code jobId}: over {@code jar}, or Spate's own when {@code jar} is
     * null. It is not registered: {@link #register} it once the job is accepted, or close it.
     */
    public ClassLoader create(JobId jobId, Path jar) {
        if (jar == null) {
            return spateClassLoader;
        }
        try {
            return new URLClassLoader(
                    "spate-job-" + jobId, new URL[] {jar.toUri().toURL()}, spateClassLoader);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Cannot make a URL of " + jar + ": " + e, e);
        }
    }

    /**
     * Makes {@code loader} the class loader of {@code jobId}'s code; it is closed on {@link
     * #release} when it is a {@link URLClassLoader} this class created ({@code owned}).
     *
     * @throws IllegalStateException when the job has a loader already
     */
    public void register(JobId jobId, ClassLoader loader, boolean owned) {
        Entry previous = loaders.putIfAbsent(jobId, new Entry(loader, owned));
        if (previous != null) {
            throw new IllegalStateException("Job " + jobId + " has a class loader already");
        }
    }

    /** The class loader of {@code jobId}'s code: its registered one, else Spate's own. */
    public ClassLoader get(JobId jobId) {
        Entry e = loaders.get(jobId);
        return e != null ? e.loader : spateClassLoader;
    }

    /** Forgets the job's loader and closes it if it was created here. Idempotent. */
    public void release(JobId jobId) {
        Entry e = loaders.remove(jobId);
        if (e != null && e.owned) {
            closeQuietly(e.loader);
        }
    }

    /** Closes {@code loader} if it is a jar's loader {@link #create} made. */
    public void discard(ClassLoader loader) {
        if (loader != spateClassLoader) {
            closeQuietly(loader);
        }
    }

    /** Releases every job's loader. */
    @Override
    public void close() {
        for (JobId id : loaders.keySet()) {
            release(id);
        }
    }

    private static void closeQuietly(ClassLoader loader) {
        if (loader instanceof URLClassLoader) {
            try {
                ((URLClassLoader) loader).close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close the class loader " + loader, e);
            }
        }
    }
}
