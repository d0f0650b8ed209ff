package io.spate.api.common.state;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.TypeInfo;

/** Describes a {@link ValueState}, optionally with a value returned for keys that have none. */
@Public
public class ValueStateDescriptor<T> extends StateDescriptor<T> {
    private static final long serialVersionUID = 1L;

    private final T defaultValue;

    public ValueStateDescriptor(String name, Class<T> type) {
        this(name, TypeInfo.of(type), null);
    }

    public ValueStateDescriptor(String name, TypeInfo<T> type) {
        this(name, type, null);
    }

    /** The default must not be mutated: every key without a value shares it. */
    public ValueStateDescriptor(String name, TypeInfo<T> type, T defaultValue) {
        super(name, type);
        this.defaultValue = defaultValue;
    }

    public T getDefaultValue() {
        return defaultValue;
    }
}
