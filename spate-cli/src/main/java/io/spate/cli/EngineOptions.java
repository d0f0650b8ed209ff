package io.spate.cli;

import io.spate.api.execution.ExecutionOptions;
import io.spate.api.execution.RestOptions;
import io.spate.common.config.ConfigOption;
import io.spate.common.config.Configuration;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The settings of the jobs a command runs: parallelism and any configuration key. */
final class EngineOptions {
    /** The options of the environment, by key, so that their values are checked up front. */
    private static final Map<String, ConfigOption<?>> KNOWN = knownOptions();

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(
            names = {"-p", "--parallelism"},
            paramLabel = "<n>",
            description =
                    "Default parallelism of the job's operators (default: the number of cores).")
    private Integer parallelism;

    @Option(
            names = "-D",
            paramLabel = "<key=value>",
            description = {
                "A configuration setting of the job; repeatable.",
                "Example: -D pipeline.name=orders"
            })
    private Map<String, String> settings = new LinkedHashMap<>();

    /**
     * The configuration for the program: {@code base} (the configuration file) with the command
     * line's settings over it; a usage error names the setting that is wrong.
     */
    Configuration toConfiguration(Configuration base) {
        Configuration config = new Configuration(base);
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String key = e.getKey().strip();
            ConfigOption<?> option = KNOWN.get(key);
            if (option == null) {
                config.setRaw(key, e.getValue());
                continue;
            }
            try {
                config.setString(option, e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new ParameterException(spec.commandLine(), ex.getMessage(), ex);
            }
        }
        if (parallelism != null) {
            config.set(ExecutionOptions.PARALLELISM, parallelism);
        }
        Integer p = config.get(ExecutionOptions.PARALLELISM);
        if (p != null && p < 1) {
            throw new ParameterException(
                    spec.commandLine(), "The parallelism must be at least 1, was " + p);
        }
        return config;
    }

    private static List<Field> fields() {
        List<Field> fields = new ArrayList<>(List.of(ExecutionOptions.class.getFields()));
        fields.addAll(List.of(RestOptions.class.getFields()));
        return fields;
    }

    private static Map<String, ConfigOption<?>> knownOptions() {
        Map<String, ConfigOption<?>> options = new TreeMap<>();
        for (Field f : fields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigOption.class) {
                try {
                    ConfigOption<?> option = (ConfigOption<?>) f.get(null);
                    options.put(option.key(), option);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Cannot read " + f, e);
                }
            }
        }
        return options;
    }
}
