package io.spate.core.state;

import io.spate.annotations.Internal;
import io.spate.annotations.NotThreadSafe;
import io.spate.api.common.state.ListState;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.OperatorStateStore;
import io.spate.common.io.MemoryDataInput;
import io.spate.common.io.MemoryDataOutput;
import io.spate.common.serialization.TypeSerializer;
import io.spate.core.checkpoint.OperatorListState;
import io.spate.core.serialization.SerializerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator state of one operator subtask: named lists kept on the heap, serialized whole at
 * each snapshot (operator state is small: source positions, buffered commits, a few counters).
 */
@Internal
@NotThreadSafe
public final class OperatorStateStoreImpl implements OperatorStateStore {
    private final String operatorName;
    private final SerializerFactory serializers;
    private final Map<String, OperatorListState> restored;
    private final Map<String, Registered<?>> lists = new LinkedHashMap<>();

    private record Registered<S>(
            OperatorListState.Mode mode, TypeSerializer<S> serializer, ArrayList<S> elements) {}

    public OperatorStateStoreImpl(
            String operatorName,
            SerializerFactory serializers,
            Map<String, OperatorListState> restored) {
        this.operatorName = operatorName;
        this.serializers = serializers;
        this.restored = restored;
    }

    @Override
    public <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) {
        return list(descriptor, OperatorListState.Mode.EVEN_SPLIT);
    }

    @Override
    public <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) {
        return list(descriptor, OperatorListState.Mode.UNION);
    }

    /** A list of an explicit redistribution mode (used for source splits). */
    @SuppressWarnings("unchecked")
    public <S> ListState<S> list(ListStateDescriptor<S> descriptor, OperatorListState.Mode mode) {
        Registered<?> existing = lists.get(descriptor.getName());
        if (existing != null) {
            if (existing.mode() != mode) {
                throw new IllegalStateException(
                        "Operator state '"
                                + descriptor.getName()
                                + "' of '"
                                + operatorName
                                + "' is registered as "
                                + existing.mode()
                                + ", not "
                                + mode);
            }
            return view((Registered<S>) existing);
        }
        TypeSerializer<S> serializer = serializers.create(descriptor.getType());
        ArrayList<S> elements = new ArrayList<>();
        OperatorListState old = restored.get(descriptor.getName());
        if (old != null) {
            MemoryDataInput in = new MemoryDataInput(new byte[0]);
            for (byte[] bytes : old.elements()) {
                in.reset(bytes, 0, bytes.length);
                try {
                    elements.add(serializer.deserialize(in));
                } catch (IOException e) {
                    throw new IllegalStateException(
                            "Cannot restore operator state '"
                                    + descriptor.getName()
                                    + "' of '"
                                    + operatorName
                                    + "': "
                                    + e.getMessage(),
                            e);
                }
            }
        }
        Registered<S> r = new Registered<>(mode, serializer, elements);
        lists.put(descriptor.getName(), r);
        return view(r);
    }

    /** Serializes every list, for a checkpoint; lists restored but not registered are kept. */
    public Map<String, OperatorListState> snapshot() {
        Map<String, OperatorListState> result = new LinkedHashMap<>();
        restored.forEach(
                (name, old) -> {
                    if (!lists.containsKey(name)) {
                        result.put(name, old);
                    }
                });
        MemoryDataOutput out = new MemoryDataOutput(64);
        lists.forEach((name, r) -> result.put(name, serialize(r, out)));
        return result;
    }

    private static <S> OperatorListState serialize(Registered<S> r, MemoryDataOutput out) {
        List<byte[]> bytes = new ArrayList<>(r.elements().size());
        for (S element : r.elements()) {
            out.clear();
            try {
                r.serializer().serialize(element, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bytes.add(out.toByteArray());
        }
        return new OperatorListState(r.mode(), bytes);
    }

    private static <S> ListState<S> view(Registered<S> r) {
        ArrayList<S> elements = r.elements();
        return new ListState<>() {
            @Override
            public Iterable<S> get() {
                return elements;
            }

            @Override
            public void add(S value) {
                if (value == null) {
                    throw new NullPointerException("Operator state cannot hold null");
                }
                elements.add(value);
            }

            @Override
            public void update(List<S> values) {
                elements.clear();
                addAll(values);
            }

            @Override
            public void addAll(List<S> values) {
                for (S v : values) {
                    add(v);
                }
            }

            @Override
            public void clear() {
                elements.clear();
            }
        };
    }
}
