package io.spate.api.graph;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Function;
import java.io.Serializable;

/**
 * What a two-input operator does, as data: the kind and the user's function. The planner picks the
 * operator implementation for each kind. New kinds are records implementing this interface.
 */
@Internal
public interface TwoInputOperatorSpec extends Serializable {

    /**
     * The user function, which the runtime opens and closes if it is a rich function; may be null.
     */
    Function function();
}
