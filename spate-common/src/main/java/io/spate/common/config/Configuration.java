package io.spate.common.config;

import io.spate.annotations.Public;
import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of configuration values, kept in their textual form so that they read the same from a file,
 * a command line or code. Typed access goes through {@link ConfigOption}s.
 *
 * <p>Not thread-safe: build a configuration on one thread, then hand it over.
 */
@Public
public final class Configuration implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TreeMap<String, String> values = new TreeMap<>();

    public Configuration() {}

    public Configuration(Configuration other) {
        values.putAll(other.values);
    }

    public static Configuration fromMap(Map<String, String> map) {
        Configuration c = new Configuration();
        c.values.putAll(map);
        return c;
    }

    /** The value of an option, or its default when it is not set. */
    public <T> T get(ConfigOption<T> option) {
        String text = values.get(option.key());
        return text == null ? option.defaultValue() : option.parse(text);
    }

    public boolean contains(ConfigOption<?> option) {
        return values.containsKey(option.key());
    }

    public <T> Configuration set(ConfigOption<T> option, T value) {
        if (value == null) {
            values.remove(option.key());
        } else {
            values.put(option.key(), option.print(value));
        }
        return this;
    }

    /** Sets an option from text, checking that the text parses. */
    public <T> Configuration setString(ConfigOption<T> option, String text) {
        option.parse(text);
        values.put(option.key(), text);
        return this;
    }

    /** Sets a raw key; used when reading files and command lines whose keys are not known here. */
    public Configuration setRaw(String key, String value) {
        values.put(key, value);
        return this;
    }

    /** Adds every value of {@code other}, replacing values already here. */
    public Configuration addAll(Configuration other) {
        values.putAll(other.values);
        return this;
    }

    public Map<String, String> toMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration && ((Configuration) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
