package io.spate.api.datastream;

import io.spate.annotations.Public;
import io.spate.api.graph.SourceTransformation;

/**
 * The stream a source produces.
 *
 * @param <T> the element type
 */
@Public
public final class DataStreamSource<T> extends SingleOutputStreamOperator<T> {
    DataStreamSource(
            StreamExecutionEnvironment environment, SourceTransformation<T> transformation) {
        super(environment, transformation);
    }
}
