package io.spate.api.graph;

import io.spate.annotations.Internal;
import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.connector.source.Source;
import java.io.Serializable;

/** What a source operator runs: the source, and how its records get event time. */
@Internal
public record SourceSpec<T>(Source<T, ?> source, WatermarkStrategy<T> watermarkStrategy)
        implements Serializable {}
