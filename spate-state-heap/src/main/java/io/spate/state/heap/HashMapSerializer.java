package io.spate.state.heap;

import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Reads the maps of map state back as the {@link HashMap}s the heap backend keeps. */
final class HashMapSerializer<K, V> implements TypeSerializer<HashMap<K, V>> {
    private static final long serialVersionUID = 1L;

    private final TypeSerializer<Map<K, V>> delegate;

    HashMapSerializer(TypeSerializer<Map<K, V>> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void serialize(HashMap<K, V> value, DataOutputView out) throws IOException {
        delegate.serialize(value, out);
    }

    @Override
    public HashMap<K, V> deserialize(DataInputView in) throws IOException {
        Map<K, V> map = delegate.deserialize(in);
        return map instanceof HashMap ? (HashMap<K, V>) map : new HashMap<>(map);
    }
}
