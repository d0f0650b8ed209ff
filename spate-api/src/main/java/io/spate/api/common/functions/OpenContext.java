package io.spate.api.common.functions;

import io.spate.annotations.Public;

/** What {@link RichFunction#open} is given; room for future additions without breaking users. */
@Public
public interface OpenContext {}
