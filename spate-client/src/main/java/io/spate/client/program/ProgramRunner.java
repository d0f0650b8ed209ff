package io.spate.client.program;

import io.spate.annotations.Public;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobExecutionException;
import io.spate.api.execution.JobListener;
import io.spate.common.config.Configuration;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

/**
 * Runs a user's program in this JVM, as {@code spate run} does. The program's {@code main} method
 * builds jobs on {@link StreamExecutionEnvironment#getExecutionEnvironment()} and executes them;
 * every environment it gets starts from this runner's configuration and reports the jobs it submits
 * to this runner's listeners.
 *
 * <p>Running a {@link PackagedProgram}:
 *
 * <ol>
 *   <li>creates a class loader for the jar whose parent is the launcher's class loader. It asks its
 *       parent first, so Spate's classes are always the launcher's, even if the jar bundles copies;
 *   <li>loads the entry class and finds {@code public static void main(String[])};
 *   <li>makes the jar's loader the thread's context class loader (the engine loads the job's
 *       classes through it) and installs the context ({@link
 *       StreamExecutionEnvironment#setContext});
 *   <li>calls {@code main}. An exception it throws is rethrown as it is, not wrapped;
 *   <li>waits for the jobs the program submitted and left running ({@code executeAsync}), so that
 *       none is cut off when the launcher exits; if {@code main} failed, cancels them instead;
 *   <li>restores the context class loader, clears the context and closes the jar's loader.
 * </ol>
 *
 * <p>Threads: {@code run} blocks the calling thread, on which {@code main} runs. The context is one
 * slot per JVM, so programs run one at a time: a second call waits until the first has returned.
 */
@Public
public final class ProgramRunner {
    private static final Object CONTEXT_LOCK = new Object();

    private final Configuration configuration;
    private final List<JobListener> listeners;

    /**
     * @param configuration the settings every environment of the program starts from, for example
     *     {@code parallelism.default}; the program may override them
     * @param listeners told about every job the program submits
     */
    public ProgramRunner(Configuration configuration, List<JobListener> listeners) {
        this.configuration = new Configuration(Objects.requireNonNull(configuration));
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Runs a program from its jar and returns when its {@code main} method has returned and the
     * jobs it submitted have ended.
     *
     * @throws ProgramInvocationException when the program cannot be started
     * @throws JobExecutionException when a job the program left running fails
     * @throws Exception whatever the program's {@code main} throws
     */
    public void run(PackagedProgram program) throws Exception {
        try (URLClassLoader loader =
                new URLClassLoader(
                        "spate-program", new URL[] {url(program)}, launcherClassLoader())) {
            Method main = findMain(program, loader);
            String[] args = program.arguments().toArray(new String[0]);
            runInContext(loader, () -> invokeMain(program, main, args));
        }
    }

    /**
     * Runs a program linked into the launcher (no jar, no class loader of its own) with the same
     * context, waiting for its jobs in the same way.
     */
    public void run(ProgramMain program) throws Exception {
        ClassLoader current = Thread.currentThread().getContextClassLoader();
        runInContext(current != null ? current : launcherClassLoader(), program);
    }

    private void runInContext(ClassLoader userCode, ProgramMain program) throws Exception {
        synchronized (CONTEXT_LOCK) {
            SubmittedJobs jobs = new SubmittedJobs();
            List<JobListener> all = new ArrayList<>(listeners);
            all.add(jobs);
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(userCode);
            StreamExecutionEnvironment.setContext(configuration, all);
            try {
                try {
                    program.run();
                } catch (Throwable t) {
                    jobs.cancelRunning();
                    throw t;
                }
                jobs.awaitRunning();
            } finally {
                StreamExecutionEnvironment.setContext(null, List.of());
                thread.setContextClassLoader(previous);
            }
        }
    }

    private static ClassLoader launcherClassLoader() {
        return ProgramRunner.class.getClassLoader();
    }

    private static URL url(PackagedProgram program) throws ProgramInvocationException {
        try {
            return program.jar().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new ProgramInvocationException(
                    "Cannot make a URL of " + program.jar() + ": " + e.getMessage(), e);
        }
    }

    private static Method findMain(PackagedProgram program, ClassLoader loader)
            throws ProgramInvocationException {
        String name = program.entryClass();
        Class<?> entry;
        try {
            entry = Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new ProgramInvocationException(
                    "Class " + name + " not found in " + program.jar(), e);
        } catch (LinkageError e) {
            throw new ProgramInvocationException(
                    "Class " + name + " in " + program.jar() + " cannot be loaded: " + e, e);
        }
        Method main;
        try {
            main = entry.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            main = null;
        } catch (LinkageError e) {
            throw new ProgramInvocationException(
                    "Class " + name + " in " + program.jar() + " cannot be loaded: " + e, e);
        }
        if (main == null
                || !Modifier.isStatic(main.getModifiers())
                || main.getReturnType() != void.class) {
            throw new ProgramInvocationException(
                    "Class "
                            + name
                            + " in "
                            + program.jar()
                            + " has no method 'public static void main(String[])'");
        }
        // Like the java launcher, accept a public main in a class that is not public itself.
        main.trySetAccessible();
        return main;
    }

    private static void invokeMain(PackagedProgram program, Method main, String[] args)
            throws Exception {
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        } catch (IllegalAccessException e) {
            throw new ProgramInvocationException(
                    "Cannot call main of class " + program.entryClass() + ": " + e.getMessage(), e);
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ProgramInvocationException(
                    "The static initializer of class " + program.entryClass() + " failed: " + cause,
                    cause);
        }
    }

    /** The jobs a program submits, so that the runner can wait for those it leaves running. */
    private static final class SubmittedJobs implements JobListener {
        private final List<JobClient> clients = new CopyOnWriteArrayList<>();

        @Override
        public void onJobSubmitted(JobClient client) {
            clients.add(client);
        }

        private List<JobClient> running() {
            List<JobClient> running = new ArrayList<>();
            for (JobClient client : clients) {
                if (!client.getJobExecutionResult().isDone()) {
                    running.add(client);
                }
            }
            return running;
        }

        /** Waits for the jobs still running; the first failure cancels the others. */
        void awaitRunning() throws JobExecutionException, InterruptedException {
            for (JobClient client : running()) {
                try {
                    client.getJobExecutionResult().get();
                } catch (InterruptedException e) {
                    cancelRunning();
                    throw e;
                } catch (ExecutionException e) {
                    cancelRunning();
                    Throwable cause = e.getCause();
                    if (cause instanceof JobExecutionException) {
                        throw (JobExecutionException) cause;
                    }
                    throw new JobExecutionException(
                            client.getJobId(), null, "The job could not run: " + cause, cause);
                }
            }
        }

        /** Cancels the jobs still running and waits until they have stopped. */
        void cancelRunning() {
            List<JobClient> running = running();
            running.forEach(JobClient::cancel);
            for (JobClient client : running) {
                try {
                    client.getJobExecutionResult().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException e) {
                    // Cancelled, as asked; the program's own failure is what gets reported.
                }
            }
        }
    }
}
