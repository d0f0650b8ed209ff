package io.spate.common.config;

import io.spate.annotations.Public;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A typed configuration key with a default value and a one-line description. Options are declared
 * as constants in {@code *Options} classes, which are the documentation of what can be set.
 *
 * @param <T> the type of the value
 */
@Public
public final class ConfigOption<T> {
    private final String key;
    private final Class<T> type;
    private final T defaultValue;
    private final String description;
    private final Function<String, T> parser;
    private final Function<T, String> printer;

    private ConfigOption(
            String key,
            Class<T> type,
            T defaultValue,
            String description,
            Function<String, T> parser,
            Function<T, String> printer) {
        this.key = Objects.requireNonNull(key);
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.parser = parser;
        this.printer = printer;
    }

    public static Builder key(String key) {
        return new Builder(key);
    }

    public String key() {
        return key;
    }

    public Class<T> type() {
        return type;
    }

    /** The default value, or {@code null} when the option has none. */
    public T defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Parses the textual form of a value, with an error that names this option. */
    public T parse(String text) {
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Invalid value '"
                            + text
                            + "' for option '"
                            + key
                            + "' ("
                            + type.getSimpleName()
                            + "): "
                            + e.getMessage(),
                    e);
        }
    }

    /** The textual form of a value, which {@link #parse} reads back. */
    public String print(T value) {
        return printer.apply(value);
    }

    @Override
    public String toString() {
        return key;
    }

    /** Chooses the type of an option. */
    public static final class Builder {
        private final String key;

        private Builder(String key) {
            this.key = key;
        }

        public TypedBuilder<Integer> intType() {
            return new TypedBuilder<>(key, Integer.class, Integer::valueOf, String::valueOf);
        }

        public TypedBuilder<Long> longType() {
            return new TypedBuilder<>(key, Long.class, Long::valueOf, String::valueOf);
        }

        public TypedBuilder<Boolean> booleanType() {
            return new TypedBuilder<>(key, Boolean.class, Builder::parseBoolean, String::valueOf);
        }

        public TypedBuilder<String> stringType() {
            return new TypedBuilder<>(key, String.class, s -> s, s -> s);
        }

        public TypedBuilder<Duration> durationType() {
            return new TypedBuilder<>(key, Duration.class, Durations::parse, Durations::format);
        }

        public <E extends Enum<E>> TypedBuilder<E> enumType(Class<E> enumClass) {
            return new TypedBuilder<>(
                    key,
                    enumClass,
                    s -> parseEnum(enumClass, s),
                    e -> e.name().toLowerCase(Locale.ROOT));
        }

        private static Boolean parseBoolean(String s) {
            if (s.equalsIgnoreCase("true")) {
                return true;
            }
            if (s.equalsIgnoreCase("false")) {
                return false;
            }
            throw new IllegalArgumentException("expected true or false");
        }

        private static <E extends Enum<E>> E parseEnum(Class<E> type, String s) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(s.replace('-', '_'))) {
                    return constant;
                }
            }
            StringBuilder names = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                names.append(names.length() == 0 ? "" : ", ")
                        .append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException("expected one of " + names);
        }
    }

    /** Sets the default and the description of an option of a chosen type. */
    public static final class TypedBuilder<T> {
        private final String key;
        private final Class<T> type;
        private final Function<String, T> parser;
        private final Function<T, String> printer;
        private T defaultValue;

        private TypedBuilder(
                String key,
                Class<T> type,
                Function<String, T> parser,
                Function<T, String> printer) {
            this.key = key;
            this.type = type;
            this.parser = parser;
            this.printer = printer;
        }

        public TypedBuilder<T> defaultValue(T value) {
            this.defaultValue = value;
            return this;
        }

        /** Finishes the option without a default value. */
        public ConfigOption<T> noDefaultValue(String description) {
            this.defaultValue = null;
            return description(description);
        }

        public ConfigOption<T> description(String description) {
            return new ConfigOption<>(key, type, defaultValue, description, parser, printer);
        }
    }
}
