package io.spate.cli;

import io.spate.common.config.ConfigOption;
import io.spate.common.config.Configuration;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The configuration file {@code conf/spate.yaml}: a YAML mapping of configuration keys to values,
 * either flat ({@code jobmanager.rpc.port: 6123}) or nested ({@code jobmanager: {rpc: {port:
 * 6123}}}), nested keys joined with dots. Values of known options are checked up front, so that a
 * wrong one is reported with the file, line and key; an unknown key is only a warning (it may
 * belong to a newer version, or to a plug-in). A key without a value ({@code rest.token:}) is
 * unset.
 *
 * <p>The file is read as a tree of nodes, never into Java objects: no YAML tag constructs anything.
 */
final class ConfigFile {
    /** The name of the file in a configuration directory. */
    static final String FILE_NAME = "spate.yaml";

    /** The environment variable that names the configuration directory. */
    static final String CONF_DIR_ENV = "SPATE_CONF_DIR";

    /**
     * The classes that hold the options of the installation, by name: the command line does not
     * depend on the modules that define them, and a missing one is skipped.
     */
    private static final List<String> OPTION_HOLDERS =
            List.of(
                    "io.spate.api.execution.ExecutionOptions",
                    "io.spate.api.execution.CheckpointingOptions",
                    "io.spate.api.execution.RestartStrategyOptions",
                    "io.spate.api.execution.RestOptions",
                    "io.spate.cluster.ClusterOptions",
                    "io.spate.cluster.standalone.StandaloneOptions",
                    "io.spate.network.NetworkOptions",
                    "io.spate.runtime.task.FailureInjection");

    private static final Map<String, ConfigOption<?>> KNOWN = knownOptions();

    private ConfigFile() {}

    /**
     * The file to read: {@code explicit} when given (it must exist), else {@code spate.yaml} in the
     * directory {@code SPATE_CONF_DIR} names, else in the installation's {@code conf/} directory
     * (the class path entry named {@code conf}); empty when there is none.
     */
    static Optional<Path> locate(Path explicit, Map<String, String> env, String classPath) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        String confDir = env.get(CONF_DIR_ENV);
        if (confDir != null && !confDir.isBlank()) {
            Path file = Path.of(confDir).resolve(FILE_NAME);
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        }
        return installationConf(classPath)
                .map(dir -> dir.resolve(FILE_NAME))
                .filter(Files::isRegularFile);
    }

    /** The installation's {@code conf/} directory: the class path entry named {@code conf}. */
    static Optional<Path> installationConf(String classPath) {
        if (classPath == null) {
            return Optional.empty();
        }
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            Path name = path.getFileName();
            if (name != null && name.toString().equals("conf") && Files.isDirectory(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads {@code file} into a configuration.
     *
     * @param warnings receives a line for each key that no option of this installation knows
     * @throws InvalidConfigException when the file cannot be read, is not YAML, or sets a value its
     *     option does not accept: the message names the file, line and key
     */
    static Configuration load(Path file, Consumer<String> warnings) {
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(0);
            root = new Yaml(options).compose(reader);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException("Configuration file " + file + " does not exist");
        } catch (IOException e) {
            throw new InvalidConfigException(
                    "Cannot read configuration file " + file + ": " + e.getMessage(), e);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : ", " + position(mark);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new InvalidConfigException(
                    "Configuration file " + file + where + ": not valid YAML: " + problem, e);
        } catch (YAMLException e) {
            throw new InvalidConfigException(
                    "Configuration file " + file + ": not valid YAML: " + e.getMessage(), e);
        }
        Configuration conf = new Configuration();
        if (root == null) {
            return conf; // empty, or only comments
        }
        if (!(root instanceof MappingNode)) {
            throw error(file, root, null, "expected a mapping of keys to values");
        }
        flatten(file, (MappingNode) root, "", new HashMap<>(), conf, warnings);
        return conf;
    }

    private static void flatten(
            Path file,
            MappingNode mapping,
            String prefix,
            Map<String, Mark> seen,
            Configuration conf,
            Consumer<String> warnings) {
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode)) {
                throw error(file, keyNode, prefix.isEmpty() ? null : prefix, "a key must be text");
            }
            String key = prefix + ((ScalarNode) keyNode).getValue().strip();
            Node value = tuple.getValueNode();
            if (value instanceof MappingNode) {
                flatten(file, (MappingNode) value, key + ".", seen, conf, warnings);
            } else if (value instanceof ScalarNode) {
                // Also "a.b: 1" next to "a: {b: 2}", which YAML itself does not see as twice.
                Mark first = seen.putIfAbsent(key, keyNode.getStartMark());
                if (first != null) {
                    throw error(
                            file,
                            keyNode,
                            key,
                            "set twice (first on line " + (first.getLine() + 1) + ")");
                }
                if (value.getTag().equals(Tag.NULL)) {
                    continue; // "key:" without a value leaves the option unset
                }
                set(file, key, (ScalarNode) value, conf, warnings);
            } else {
                throw error(file, value, key, "expected a single value, not a list");
            }
        }
    }

    private static void set(
            Path file,
            String key,
            ScalarNode value,
            Configuration conf,
            Consumer<String> warnings) {
        ConfigOption<?> option = KNOWN.get(key);
        if (option == null) {
            warnings.accept(
                    "spate: warning: "
                            + file
                            + ", "
                            + position(value.getStartMark())
                            + ": unknown configuration key '"
                            + key
                            + "' (kept, but nothing in this installation reads it)");
            conf.setRaw(key, value.getValue());
            return;
        }
        try {
            conf.setString(option, value.getValue());
        } catch (IllegalArgumentException e) {
            throw error(file, value, key, ErrorLine.oneLine(e.getMessage()));
        }
    }

    private static InvalidConfigException error(Path file, Node node, String key, String problem) {
        return new InvalidConfigException(
                "Configuration file "
                        + file
                        + ", "
                        + position(node.getStartMark())
                        + (key == null ? "" : ", key '" + key + "'")
                        + ": "
                        + problem);
    }

    private static String position(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    /** Every option of this installation, by key. */
    static Map<String, ConfigOption<?>> knownOptions() {
        Map<String, ConfigOption<?>> options = new TreeMap<>();
        for (String holder : OPTION_HOLDERS) {
            Class<?> type;
            try {
                type = Class.forName(holder, false, ConfigFile.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // a module this installation does not have
            }
            for (Field f : type.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigOption.class) {
                    try {
                        ConfigOption<?> option = (ConfigOption<?>) f.get(null);
                        options.put(option.key(), option);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("Cannot read " + f, e);
                    }
                }
            }
        }
        return options;
    }

    /** The configuration file cannot be used; the message names the file, line and key. */
    static final class InvalidConfigException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidConfigException(String message) {
            super(message);
        }

        InvalidConfigException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
