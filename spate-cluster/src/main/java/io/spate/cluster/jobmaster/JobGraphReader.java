package io.spate.cluster.jobmaster;

import io.spate.core.plan.JobGraph;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.Map;

/**
 * Reads a {@link JobGraph} a client Java-serialized, with the job's classes resolved through the
 * job's class loader. The graph holds the user's functions, so their classes come from the job's
 * jar; a filter bounds the stream's depth, references and size so that a malformed graph fails fast
 * instead of exhausting the JobManager.
 *
 * <p>Java serialization runs code of the classes it reads: only clients that may run jobs may
 * submit graphs, which the REST API's token and loopback default ensure (ADR 0006).
 */
public final class JobGraphReader {
    /** The deepest nesting of objects in a graph. */
    static final long MAX_DEPTH = 1_000;

    /** The most objects and references in a graph. */
    static final long MAX_REFS = 10_000_000;

    private JobGraphReader() {}

    /**
     * Reads the graph in {@code bytes}.
     *
     * @throws JobSubmissionException when the bytes are not a job graph, or name a class {@code
     *     classLoader} does not find (the message names it)
     */
    public static JobGraph read(byte[] bytes, ClassLoader classLoader) {
        return read(bytes, classLoader, JobGraph.class, "the job graph");
    }

    /**
     * Reads an object of {@code type} (a job graph, a subtask's source splits) that the user's code
     * is part of.
     *
     * @param what names the object in errors, e.g. "the job graph"
     * @throws JobSubmissionException when the bytes are not such an object, or name a class {@code
     *     classLoader} does not find (the message names it)
     */
    public static <T> T read(byte[] bytes, ClassLoader classLoader, Class<T> type, String what) {
        ObjectInputFilter limits =
                ObjectInputFilter.Config.createFilter(
                        "maxdepth="
                                + MAX_DEPTH
                                + ";maxrefs="
                                + MAX_REFS
                                + ";maxbytes="
                                + Math.max(1, bytes.length));
        try (ObjectInputStream in =
                new JobObjectInputStream(new ByteArrayInputStream(bytes), classLoader)) {
            in.setObjectInputFilter(limits);
            Object value = in.readObject();
            if (!type.isInstance(value)) {
                throw new JobSubmissionException(
                        capitalized(what)
                                + " is a "
                                + (value == null ? "null" : value.getClass().getName())
                                + ", not a "
                                + type.getName());
            }
            return type.cast(value);
        } catch (ClassNotFoundException e) {
            throw new JobSubmissionException(
                    "Cannot read "
                            + what
                            + ": class "
                            + e.getMessage()
                            + " is not found; the job's jar may be missing (upload it with PUT"
                            + " /v1/artifacts/{sha256} and name it as artifactId), or it was built"
                            + " against another version of Spate",
                    e);
        } catch (InvalidClassException e) {
            throw new JobSubmissionException(
                    "Cannot read "
                            + what
                            + ": "
                            + e.getMessage()
                            + (String.valueOf(e.getMessage()).contains("filter status: REJECTED")
                                    ? " (it exceeds the limits of depth "
                                            + MAX_DEPTH
                                            + " or "
                                            + MAX_REFS
                                            + " objects)"
                                    : "; the client and the JobManager may run different"
                                            + " versions of the class"),
                    e);
        } catch (IOException | RuntimeException | LinkageError e) {
            if (e instanceof JobSubmissionException) {
                throw (JobSubmissionException) e;
            }
            throw new JobSubmissionException("Cannot read " + what + ": " + e, e);
        }
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final Map<String, Class<?>> PRIMITIVES =
            Map.of(
                    "boolean", boolean.class,
                    "byte", byte.class,
                    "char", char.class,
                    "short", short.class,
                    "int", int.class,
                    "long", long.class,
                    "float", float.class,
                    "double", double.class,
                    "void", void.class);

    /**
     * Resolves classes through the job's class loader only (which asks Spate's first), never
     * through whatever loader happens to be on the stack.
     */
    private static final class JobObjectInputStream extends ObjectInputStream {
        private final ClassLoader classLoader;

        JobObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
            super(in);
            this.classLoader = classLoader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc)
                throws IOException, ClassNotFoundException {
            String name = desc.getName();
            Class<?> primitive = PRIMITIVES.get(name);
            return primitive != null ? primitive : Class.forName(name, false, classLoader);
        }
    }
}
