package io.spate.api.common.functions;

import io.spate.annotations.Public;
import java.io.Serializable;

/**
 * The base of every user function. Functions are {@link Serializable} because a job ships them to
 * the TaskManagers that run it, and because a serializable lambda reveals its parameter types
 * ({@link java.lang.invoke.SerializedLambda}), which is how Spate learns the types of a job's
 * streams without asking.
 */
@Public
public interface Function extends Serializable {}
