package io.spate.client.program;

import io.spate.annotations.Public;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A user's program as it is delivered: a jar, the class whose {@code main} method builds and
 * executes the jobs, and the arguments for that method. Creating one checks that the jar exists and
 * is readable and, when no class is given, reads the class from the jar manifest's {@code
 * Main-Class}. Loading the class is left to {@link ProgramRunner}.
 *
 * <p>Immutable.
 */
@Public
public final class PackagedProgram {
    private final Path jar;
    private final String entryClass;
    private final List<String> arguments;

    private PackagedProgram(Path jar, String entryClass, List<String> arguments) {
        this.jar = jar;
        this.entryClass = entryClass;
        this.arguments = arguments;
    }

    /**
     * A program in {@code jar}.
     *
     * @param entryClass the class with the {@code main} method ({@code com.acme.Job}, or {@code
     *     com/acme/Job.class}), or {@code null} to take the manifest's {@code Main-Class}
     * @throws ProgramInvocationException when the jar is missing, unreadable or not a jar, or names
     *     no main class while none is given
     */
    public static PackagedProgram fromJar(Path jar, String entryClass, List<String> arguments)
            throws ProgramInvocationException {
        Objects.requireNonNull(jar, "jar");
        Path path = jar.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new ProgramInvocationException("Jar file not found: " + path);
        }
        if (Files.isDirectory(path)) {
            throw new ProgramInvocationException(path + " is a directory, not a jar file");
        }
        if (!Files.isReadable(path)) {
            throw new ProgramInvocationException("Jar file " + path + " is not readable");
        }
        String mainClass = readMainClass(path);
        if (entryClass != null && !entryClass.isBlank()) {
            mainClass = binaryName(entryClass);
        } else if (mainClass == null) {
            throw new ProgramInvocationException(
                    "Jar file "
                            + path
                            + " names no Main-Class in its manifest; give the program's main class"
                            + " explicitly (spate run --class <class>)");
        }
        return new PackagedProgram(path, mainClass, List.copyOf(arguments));
    }

    /** The manifest's Main-Class, or null; also proves that the file is a readable jar. */
    private static String readMainClass(Path path) throws ProgramInvocationException {
        try (JarFile jarFile = new JarFile(path.toFile())) {
            Manifest manifest = jarFile.getManifest();
            String value =
                    manifest == null
                            ? null
                            : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            return value == null || value.isBlank() ? null : binaryName(value);
        } catch (IOException | SecurityException e) {
            throw new ProgramInvocationException(
                    "Cannot read jar file " + path + ": " + e.getMessage(), e);
        }
    }

    /** {@code com/acme/Job.class} and {@code com.acme.Job} both name {@code com.acme.Job}. */
    private static String binaryName(String className) {
        String name = className.trim();
        if (name.endsWith(".class")) {
            name = name.substring(0, name.length() - ".class".length());
        }
        return name.replace('/', '.');
    }

    /** The jar, as an absolute path. */
    public Path jar() {
        return jar;
    }

    /** The binary name of the class whose {@code main} method is the program. */
    public String entryClass() {
        return entryClass;
    }

    /** The arguments passed to {@code main}. */
    public List<String> arguments() {
        return arguments;
    }

    @Override
    public String toString() {
        return entryClass + " (" + jar + ")";
    }
}
