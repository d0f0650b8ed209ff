package io.spate.cluster.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.cluster.jobmaster.JobGraphReader;
import io.spate.cluster.jobmaster.JobSubmissionException;
import io.spate.common.JobId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobClassLoadersTest {
    /** A parent that sees only the JDK, so that the job's classes can come only from its jar. */
    private static final ClassLoader JDK_ONLY = ClassLoader.getPlatformClassLoader();

    @TempDir Path dir;

    @Test
    void aJobsClassesComeFromItsJarUntilItIsReleased() throws Exception {
        Path jar = jarWith(InJarOnly.class, Other.class);
        JobClassLoaders loaders = new JobClassLoaders(JDK_ONLY);
        JobId job = JobId.random();
        ClassLoader loader = loaders.create(job, jar);
        loaders.register(job, loader, true);

        assertThat(loaders.get(job)).isSameAs(loader);
        Class<?> c = Class.forName(InJarOnly.class.getName(), false, loaders.get(job));
        assertThat(c.getClassLoader()).isSameAs(loader);
        // Read through the job's loader, the object's class is the jar's: the graph reader says so.
        assertThatThrownBy(() -> JobGraphReader.read(serialize(new InJarOnly()), loader))
                .isInstanceOf(JobSubmissionException.class)
                .hasMessageContaining("is a " + InJarOnly.class.getName() + ", not a");

        loaders.release(job);

        assertThat(loaders.get(job)).isSameAs(JDK_ONLY);
        // Closed: a class of the jar it had not loaded yet is gone.
        assertThatThrownBy(() -> Class.forName(Other.class.getName(), false, loader))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aJobWithoutAJarUsesSpatesOwnLoaderAndLoadersHandedInAreNotClosed() {
        JobClassLoaders loaders = new JobClassLoaders(JDK_ONLY);
        JobId job = JobId.random();
        assertThat(loaders.create(job, null)).isSameAs(JDK_ONLY);

        ClassLoader own = getClass().getClassLoader();
        loaders.register(job, own, false);
        assertThatThrownBy(() -> loaders.register(job, own, false))
                .isInstanceOf(IllegalStateException.class);
        loaders.release(job);
        loaders.release(job);

        assertThat(loaders.get(job)).isSameAs(JDK_ONLY);
    }

    private Path jarWith(Class<?>... classes) throws IOException {
        Path jar = dir.resolve("job.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            for (Class<?> c : classes) {
                String entry = c.getName().replace('.', '/') + ".class";
                try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
                    out.putNextEntry(new JarEntry(entry));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    private static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    static final class InJarOnly implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    static final class Other {}
}
