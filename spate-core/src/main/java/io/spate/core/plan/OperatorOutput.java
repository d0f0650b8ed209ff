package io.spate.core.plan;

import io.spate.annotations.Internal;
import java.io.Serializable;

/**
 * Where one output of a chained operator goes: to another operator of the same chain (a method
 * call) or into an exchange that leaves the chain.
 *
 * @param sideOutputId the side output's tag id, or {@code null} for the main output
 * @param chained whether {@code target} is an operator index in the vertex (else an edge id)
 * @param target the operator index or the edge id
 */
@Internal
public record OperatorOutput(String sideOutputId, boolean chained, int target)
        implements Serializable {}
