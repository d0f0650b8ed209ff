package io.spate.api.datastream;

import io.spate.annotations.Public;
import io.spate.api.graph.SinkTransformation;

/**
 * The end of a stream: a sink, with its settings.
 *
 * @param <T> the element type written
 */
@Public
public final class DataStreamSink<T> {
    private final SinkTransformation<T> transformation;

    DataStreamSink(SinkTransformation<T> transformation) {
        this.transformation = transformation;
    }

    public SinkTransformation<T> getTransformation() {
        return transformation;
    }

    public DataStreamSink<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    public DataStreamSink<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    public DataStreamSink<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    public DataStreamSink<T> disableChaining() {
        transformation.disableChaining();
        return this;
    }
}
