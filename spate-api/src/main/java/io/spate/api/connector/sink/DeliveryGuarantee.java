package io.spate.api.connector.sink;

import io.spate.annotations.Public;

/** What a sink promises about records when the job fails and restarts from a checkpoint. */
@Public
public enum DeliveryGuarantee {
    /** Every record is in the output exactly once (output is committed with checkpoints). */
    EXACTLY_ONCE,
    /** No record is lost; records after the last checkpoint may appear again after a failure. */
    AT_LEAST_ONCE
}
