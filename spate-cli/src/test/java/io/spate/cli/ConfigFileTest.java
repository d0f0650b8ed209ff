package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.execution.ExecutionOptions;
import io.spate.api.execution.RestOptions;
import io.spate.common.config.Configuration;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void readsFlatKeys() throws IOException {
        Configuration conf =
                load(
                        "# a comment\n",
                        "parallelism.default: 3\n",
                        "pipeline.auto-watermark-interval: 500ms\n",
                        "rest.port: 0\n");
        assertThat(conf.get(ExecutionOptions.PARALLELISM)).isEqualTo(3);
        assertThat(conf.get(ExecutionOptions.AUTO_WATERMARK_INTERVAL))
                .isEqualTo(Duration.ofMillis(500));
        assertThat(conf.get(RestOptions.PORT)).isEqualTo("0");
        assertThat(warnings).isEmpty();
    }

    @Test
    void nestedMapsAreJoinedWithDots() throws IOException {
        Configuration conf =
                load(
                        "jobmanager:\n",
                        "  rpc:\n",
                        "    address: 127.0.0.1\n",
                        "    port: 7000\n",
                        "rest:\n",
                        "  enabled: true\n",
                        "pipeline.name: orders\n");
        assertThat(conf.toMap())
                .containsEntry("jobmanager.rpc.address", "127.0.0.1")
                .containsEntry("jobmanager.rpc.port", "7000")
                .containsEntry("rest.enabled", "true")
                .containsEntry("pipeline.name", "orders");
    }

    @Test
    void aKeyWithoutValueIsUnsetAndAnEmptyFileIsNothing() throws IOException {
        assertThat(load("rest.token:\n", "pipeline.name: x\n").toMap())
                .containsOnlyKeys("pipeline.name");
        assertThat(load("# only comments\n").toMap()).isEmpty();
    }

    @Test
    void unknownKeysAreWarnedAboutAndKept() throws IOException {
        Path file = write("parallelism.default: 2\n", "paralelism.default: 3\n");
        Configuration conf = ConfigFile.load(file, warnings::add);
        assertThat(warnings)
                .containsExactly(
                        "spate: warning: "
                                + file
                                + ", line 2, column 21: unknown configuration key"
                                + " 'paralelism.default' (kept, but nothing in this installation"
                                + " reads it)");
        assertThat(conf.toMap()).containsEntry("paralelism.default", "3");
    }

    @Test
    void badYamlNamesTheFileAndLine() throws IOException {
        Path file = write("parallelism.default: 2\n", "pipeline.name: [unclosed\n", "x: 1\n");
        assertThatThrownBy(() -> ConfigFile.load(file, warnings::add))
                .isInstanceOf(ConfigFile.InvalidConfigException.class)
                .hasMessageStartingWith("Configuration file " + file + ", line ")
                .hasMessageContaining("not valid YAML");
        Path tabs = write("jobmanager:\n", "\trpc.port: 1\n");
        assertThatThrownBy(() -> ConfigFile.load(tabs, warnings::add))
                .hasMessageStartingWith("Configuration file " + tabs + ", line 2, column 1: ");
    }

    @Test
    void aWrongValueNamesTheFileLineAndKey() throws IOException {
        Path file = write("rest:\n", "  enabled: true\n", "parallelism.default: many\n");
        assertThatThrownBy(() -> ConfigFile.load(file, warnings::add))
                .isInstanceOf(ConfigFile.InvalidConfigException.class)
                .hasMessage(
                        "Configuration file "
                                + file
                                + ", line 3, column 22, key 'parallelism.default': Invalid value"
                                + " 'many' for option 'parallelism.default' (Integer): For input"
                                + " string: \"many\"");
    }

    @Test
    void listsAndDuplicatesAreRejected() throws IOException {
        Path list = write("pipeline:\n", "  name:\n", "    - a\n", "    - b\n");
        assertThatThrownBy(() -> ConfigFile.load(list, warnings::add))
                .hasMessage(
                        "Configuration file "
                                + list
                                + ", line 3, column 5, key 'pipeline.name': expected a single"
                                + " value, not a list");
        Path duplicate = write("pipeline.name: a\n", "pipeline:\n", "  name: b\n");
        assertThatThrownBy(() -> ConfigFile.load(duplicate, warnings::add))
                .hasMessage(
                        "Configuration file "
                                + duplicate
                                + ", line 3, column 3, key 'pipeline.name': set twice (first on"
                                + " line 1)");
        Path scalar = write("just text\n");
        assertThatThrownBy(() -> ConfigFile.load(scalar, warnings::add))
                .hasMessage(
                        "Configuration file "
                                + scalar
                                + ", line 1, column 1: expected a mapping of keys to values");
    }

    @Test
    void theFileIsFoundExplicitlyThenInTheConfDirThenOnTheClassPath() throws IOException {
        Path explicit = dir.resolve("mine.yaml");
        Path envDir = Files.createDirectories(dir.resolve("env"));
        Path conf = Files.createDirectories(dir.resolve("dist").resolve("conf"));
        Files.writeString(conf.resolve("spate.yaml"), "");
        String classPath = dir.resolve("dist/lib/a.jar") + File.pathSeparator + conf;

        assertThat(ConfigFile.locate(explicit, Map.of(), classPath)).contains(explicit);
        assertThat(ConfigFile.locate(null, Map.of(), classPath))
                .contains(conf.resolve("spate.yaml"));
        // SPATE_CONF_DIR wins over the installation, also when it has no file.
        assertThat(ConfigFile.locate(null, Map.of("SPATE_CONF_DIR", envDir.toString()), classPath))
                .isEmpty();
        Files.writeString(envDir.resolve("spate.yaml"), "");
        assertThat(ConfigFile.locate(null, Map.of("SPATE_CONF_DIR", envDir.toString()), classPath))
                .contains(envDir.resolve("spate.yaml"));
        assertThat(ConfigFile.locate(null, Map.of(), "a.jar")).isEmpty();
    }

    @Test
    void theCommandLineWinsOverTheFile() throws IOException {
        Configuration file =
                load("jobmanager.rpc.port: 7000\n", "heartbeat.timeout: 5s\n", "rest.port: 1\n");
        Configuration options = new Configuration().setRaw("jobmanager.rpc.port", "7001");
        Configuration merged =
                ClusterRole.configuration(
                        file,
                        Map.of("heartbeat.timeout", "9s", "jobmanager.rpc.port", "7002"),
                        options);
        assertThat(merged.toMap())
                .containsEntry("jobmanager.rpc.port", "7001") // --port over -D over the file
                .containsEntry("heartbeat.timeout", "9s") // -D over the file
                .containsEntry("rest.port", "1"); // the file alone
    }

    @Test
    void aBadFileIsOneErrorLineOfTheCommand() throws IOException {
        Path file = write("pipeline.name: ok\n", "parallelism.default: {a: 1\n");
        CliRun run = CliRun.of("--config", file.toString(), "demo", "-D", "pipeline.name=x");
        assertThat(run.exitCode).as("%s", run).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0))
                .startsWith("spate: error: Configuration file " + file + ", line 3, column 1:")
                .contains("not valid YAML");
    }

    @Test
    void theFileReachesTheJobAndDashDWins() throws IOException {
        Path file = write("parallelism.default: 0\n");
        // The parallelism check runs on the merged configuration: 0 from the file is refused...
        CliRun bad = CliRun.of("--config", file.toString(), "run", "missing.jar");
        assertThat(bad.exitCode).as("%s", bad).isEqualTo(2);
        assertThat(bad.err).contains("The parallelism must be at least 1, was 0");
        // ...and -D replaces it before the check, so the run gets as far as the missing jar.
        CliRun good =
                CliRun.of(
                        "--config",
                        file.toString(),
                        "run",
                        "-D",
                        "parallelism.default=2",
                        dir.resolve("missing.jar").toString());
        assertThat(good.exitCode).as("%s", good).isEqualTo(1);
        assertThat(good.err).contains("Jar file not found");
    }

    private Configuration load(String... lines) throws IOException {
        return ConfigFile.load(write(lines), warnings::add);
    }

    private Path write(String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "spate", ".yaml");
        Files.writeString(file, String.join("", lines), StandardCharsets.UTF_8);
        return file;
    }
}
