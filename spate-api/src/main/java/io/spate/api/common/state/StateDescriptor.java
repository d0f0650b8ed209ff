package io.spate.api.common.state;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.TypeInfo;
import java.io.Serializable;
import java.util.Objects;

/**
 * Names a piece of keyed state and gives its type. The name must be unique within an operator; it
 * is how the state is found again after a restore.
 *
 * @param <T> the type of the value stored
 */
@Public
public abstract class StateDescriptor<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final TypeInfo<T> type;
    private StateTtlConfig ttlConfig;

    protected StateDescriptor(String name, TypeInfo<T> type) {
        this.name = Objects.requireNonNull(name, "state name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A state name must not be empty");
        }
        this.type = Objects.requireNonNull(type, "state type");
    }

    public String getName() {
        return name;
    }

    /** Lets values of this state expire; see {@link StateTtlConfig}. */
    public void enableTimeToLive(StateTtlConfig ttlConfig) {
        this.ttlConfig = java.util.Objects.requireNonNull(ttlConfig, "ttlConfig");
    }

    /** The time-to-live settings, or {@code null} when values never expire. */
    public StateTtlConfig getTtlConfig() {
        return ttlConfig;
    }

    /** The type of what is stored (for a list, the element type). */
    public TypeInfo<T> getType() {
        return type;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{name=" + name + ", type=" + type + "}";
    }
}
