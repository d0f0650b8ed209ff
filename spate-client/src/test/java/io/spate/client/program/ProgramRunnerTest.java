package io.spate.client.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.ExecutionOptions;
import io.spate.common.config.Configuration;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs programs compiled for the test into jars that only the runner's class loader sees: the
 * program classes are not on the test's classpath.
 */
class ProgramRunnerTest {

    /**
     * Writes what it sees into the file named by its first argument, then fails if the second
     * argument is "fail". Uses reflection so that it compiles without Spate on the classpath.
     */
    private static final String PROGRAM =
            "package acme;\n"
                    + "public class Job {\n"
                    + "  public static void main(String[] args) throws Exception {\n"
                    + "    ClassLoader tccl = Thread.currentThread().getContextClassLoader();\n"
                    + "    Class<?> envClass = Class.forName(\n"
                    + "        \"io.spate.api.datastream.StreamExecutionEnvironment\", true, tccl);\n"
                    + "    Object env = envClass.getMethod(\"getExecutionEnvironment\").invoke(null);\n"
                    + "    Object parallelism = envClass.getMethod(\"getParallelism\").invoke(env);\n"
                    + "    String facts = \"loader=\" + Job.class.getClassLoader().getName()\n"
                    + "        + \" tccl=\" + (tccl == Job.class.getClassLoader())\n"
                    + "        + \" parallelism=\" + parallelism\n"
                    + "        + \" args=\" + String.join(\",\", args);\n"
                    + "    java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), facts);\n"
                    + "    if (args.length > 1 && args[1].equals(\"fail\")) {\n"
                    + "      throw new IllegalStateException(\"bad input \" + args[2]);\n"
                    + "    }\n"
                    + "  }\n"
                    + "}\n";

    private static final String NO_MAIN = "package acme;\npublic class NoMain {}\n";

    @TempDir static Path classes;
    @TempDir Path dir;

    @BeforeAll
    static void compilePrograms() throws IOException {
        Path src = classes.resolve("src/acme");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Job.java"), PROGRAM);
        Files.writeString(src.resolve("NoMain.java"), NO_MAIN);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc =
                javac.run(
                        null,
                        null,
                        null,
                        "-d",
                        classes.resolve("out").toString(),
                        src.resolve("Job.java").toString(),
                        src.resolve("NoMain.java").toString());
        assertThat(rc).as("javac exit code").isZero();
    }

    @Test
    void runsTheManifestMainClassWithTheContextAndRestoresEverything() throws Exception {
        Path jar = jar("acme.Job");
        Path facts = dir.resolve("facts.txt");
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        runner(3).run(PackagedProgram.fromJar(jar, null, List.of(facts.toString(), "x")));

        assertThat(Files.readString(facts))
                .isEqualTo("loader=spate-program tccl=true parallelism=3 args=" + facts + ",x");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
        assertThat(StreamExecutionEnvironment.getExecutionEnvironment().getParallelism())
                .as("the context is cleared")
                .isEqualTo(-1);
    }

    @Test
    void anExplicitClassWinsOverTheManifest() throws Exception {
        Path jar = jar("acme.NoMain");
        Path facts = dir.resolve("facts.txt");

        runner(2).run(PackagedProgram.fromJar(jar, "acme/Job.class", List.of(facts.toString())));

        assertThat(Files.readString(facts)).contains("parallelism=2");
    }

    @Test
    void rethrowsWhatMainThrowsUnwrappedAndRestores() throws Exception {
        Path jar = jar("acme.Job");
        Path facts = dir.resolve("facts.txt");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        PackagedProgram program =
                PackagedProgram.fromJar(jar, null, List.of(facts.toString(), "fail", "#7"));

        assertThatThrownBy(() -> runner(1).run(program))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("bad input #7");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
        assertThat(StreamExecutionEnvironment.getExecutionEnvironment().getParallelism())
                .isEqualTo(-1);
    }

    @Test
    void runsALinkedProgramInTheContext() throws Exception {
        List<Integer> seen = new ArrayList<>();

        runner(5)
                .run(
                        () ->
                                seen.add(
                                        StreamExecutionEnvironment.getExecutionEnvironment()
                                                .getParallelism()));

        assertThat(seen).containsExactly(5);
    }

    @Test
    void aMissingJarIsNamed() {
        Path missing = dir.resolve("nope.jar");
        assertThatThrownBy(() -> PackagedProgram.fromJar(missing, null, List.of()))
                .isInstanceOf(ProgramInvocationException.class)
                .hasMessage("Jar file not found: " + missing.toAbsolutePath());
    }

    @Test
    void aFileThatIsNoJarIsNamed() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jar"), "not a zip");
        assertThatThrownBy(() -> PackagedProgram.fromJar(text, null, List.of()))
                .isInstanceOf(ProgramInvocationException.class)
                .hasMessageStartingWith("Cannot read jar file " + text.toAbsolutePath() + ": ");
    }

    @Test
    void aJarWithoutMainClassAsksForTheClass() throws IOException {
        Path jar = jar(null);
        assertThatThrownBy(() -> PackagedProgram.fromJar(jar, null, List.of()))
                .isInstanceOf(ProgramInvocationException.class)
                .hasMessage(
                        "Jar file "
                                + jar
                                + " names no Main-Class in its manifest; give the program's main"
                                + " class explicitly (spate run --class <class>)");
    }

    @Test
    void aClassNotInTheJarIsNamed() throws Exception {
        Path jar = jar(null);
        PackagedProgram program = PackagedProgram.fromJar(jar, "acme.Missing", List.of());
        assertThatThrownBy(() -> runner(1).run(program))
                .isInstanceOf(ProgramInvocationException.class)
                .hasMessage("Class acme.Missing not found in " + jar);
    }

    @Test
    void aClassWithoutMainIsNamed() throws Exception {
        Path jar = jar("acme.NoMain");
        PackagedProgram program = PackagedProgram.fromJar(jar, null, List.of());
        assertThatThrownBy(() -> runner(1).run(program))
                .isInstanceOf(ProgramInvocationException.class)
                .hasMessage(
                        "Class acme.NoMain in "
                                + jar
                                + " has no method 'public static void main(String[])'");
    }

    private static ProgramRunner runner(int parallelism) {
        return new ProgramRunner(
                new Configuration().set(ExecutionOptions.PARALLELISM, parallelism), List.of());
    }

    /** A jar of the compiled program classes, with {@code mainClass} in the manifest if given. */
    private Path jar(String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        Map<String, byte[]> entries = new TreeMap<>();
        Path out = classes.resolve("out");
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                entries.put(out.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        Path jar = dir.resolve("program.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jarOut.putNextEntry(new JarEntry(e.getKey()));
                jarOut.write(e.getValue());
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}
