package io.spate.api.graph;

import io.spate.annotations.Internal;
import io.spate.api.connector.sink.Sink;
import java.util.List;

/** Writes its input to a {@link Sink}. Produces nothing. */
@Internal
public final class SinkTransformation<T> extends Transformation<Void> {
    private final Transformation<T> input;
    private final Sink<T> sink;

    public SinkTransformation(int id, String name, Transformation<T> input, Sink<T> sink) {
        super(id, name, io.spate.api.common.typeinfo.TypeInfo.of(Void.class));
        this.input = input;
        this.sink = sink;
    }

    public Transformation<T> getInput() {
        return input;
    }

    public Sink<T> getSink() {
        return sink;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
