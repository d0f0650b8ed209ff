package io.spate.client.program;

import io.spate.annotations.Public;

/**
 * The body of a program that is linked into the launcher instead of packaged in a jar, such as a
 * built-in demo: it builds and executes jobs as a {@code main} method would. See {@link
 * ProgramRunner#run(ProgramMain)}.
 */
@Public
@FunctionalInterface
public interface ProgramMain {
    void run() throws Exception;
}
