package io.spate.api.functions;

import io.spate.annotations.Public;

/** Which clock a timer belongs to. */
@Public
public enum TimeDomain {
    EVENT_TIME,
    PROCESSING_TIME
}
