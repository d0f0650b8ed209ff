package io.spate.api.connector.source;

import io.spate.annotations.Public;

/** Whether a source ends by itself. A job whose sources are all bounded finishes by itself. */
@Public
public enum Boundedness {
    BOUNDED,
    CONTINUOUS_UNBOUNDED
}
