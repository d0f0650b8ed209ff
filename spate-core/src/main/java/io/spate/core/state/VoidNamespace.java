package io.spate.core.state;

import io.spate.annotations.Internal;

/** The namespace of ordinary keyed state: one value per key, not per window. */
@Internal
public enum VoidNamespace {
    INSTANCE
}
