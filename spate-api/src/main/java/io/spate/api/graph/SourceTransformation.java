package io.spate.api.graph;

import io.spate.annotations.Internal;
import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.connector.source.Source;
import java.util.List;

/** Reads from a {@link Source}. */
@Internal
public final class SourceTransformation<T> extends Transformation<T> {
    private final Source<T, ?> source;
    private final WatermarkStrategy<T> watermarkStrategy;
    private final boolean nonParallel;

    public SourceTransformation(
            int id,
            String name,
            Source<T, ?> source,
            WatermarkStrategy<T> watermarkStrategy,
            TypeInfo<T> type,
            boolean nonParallel) {
        super(id, name, type);
        this.source = source;
        this.watermarkStrategy = watermarkStrategy;
        this.nonParallel = nonParallel;
        if (nonParallel) {
            setParallelism(1);
        }
    }

    public Source<T, ?> getSource() {
        return source;
    }

    public WatermarkStrategy<T> getWatermarkStrategy() {
        return watermarkStrategy;
    }

    @Override
    public void setParallelism(int parallelism) {
        if (nonParallel && parallelism != 1) {
            throw new IllegalArgumentException(
                    "The source '" + getName() + "' is not parallel; its parallelism must be 1");
        }
        super.setParallelism(parallelism);
    }

    @Override
    public int getFixedParallelism() {
        return nonParallel ? 1 : DEFAULT;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }
}
