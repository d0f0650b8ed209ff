package io.spate.api.common.state;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import java.util.Map;

/** Describes a {@link MapState}. {@link #getType()} is the type of the whole map. */
@Public
public class MapStateDescriptor<K, V> extends StateDescriptor<Map<K, V>> {
    private static final long serialVersionUID = 1L;

    private final TypeInfo<K> keyType;
    private final TypeInfo<V> valueType;

    public MapStateDescriptor(String name, Class<K> keyType, Class<V> valueType) {
        this(name, TypeInfo.of(keyType), TypeInfo.of(valueType));
    }

    public MapStateDescriptor(String name, TypeInfo<K> keyType, TypeInfo<V> valueType) {
        super(name, Types.MAP(keyType, valueType));
        this.keyType = keyType;
        this.valueType = valueType;
    }

    public TypeInfo<K> getKeyType() {
        return keyType;
    }

    public TypeInfo<V> getValueType() {
        return valueType;
    }
}
