package io.spate.api.common.state;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.TypeInfo;

/** Describes a {@link ListState}; the type is the element type. */
@Public
public class ListStateDescriptor<T> extends StateDescriptor<T> {
    private static final long serialVersionUID = 1L;

    public ListStateDescriptor(String name, Class<T> elementType) {
        this(name, TypeInfo.of(elementType));
    }

    public ListStateDescriptor(String name, TypeInfo<T> elementType) {
        super(name, elementType);
    }
}
