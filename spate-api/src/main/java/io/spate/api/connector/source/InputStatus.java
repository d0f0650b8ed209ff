package io.spate.api.connector.source;

import io.spate.annotations.Public;

/** What a reader says after {@link SourceReader#pollNext}. */
@Public
public enum InputStatus {
    /** More records can be read right away: call again. */
    MORE_AVAILABLE,
    /** Nothing to read now; the runtime calls again later (after a short back-off). */
    NOTHING_AVAILABLE,
    /** Every split is read and no more will come: the reader is done. */
    END_OF_INPUT
}
