package io.spate.api.datastream;

import io.spate.annotations.Public;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.typeinfo.TypeInfo;
import java.util.List;

/**
 * A stream whose every element goes to every parallel instance of the operator it is connected to,
 * together with the broadcast states that operator keeps ({@code stream.broadcast(descriptors)}).
 * Connect it to a stream ({@code other.connect(broadcastStream)}) and process the pair with a
 * (keyed) broadcast process function.
 *
 * @param <T> the element type
 */
@Public
public class BroadcastStream<T> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<T> stream;
    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;

    protected BroadcastStream(
            StreamExecutionEnvironment environment,
            DataStream<T> stream,
            List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        this.environment = environment;
        this.stream = stream;
        this.broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public TypeInfo<T> getType() {
        return stream.getType();
    }

    /** The stream being broadcast, before its broadcast partitioning. */
    DataStream<T> getStream() {
        return stream;
    }

    /** The broadcast states that the connected operator keeps. */
    public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
        return broadcastStateDescriptors;
    }
}
