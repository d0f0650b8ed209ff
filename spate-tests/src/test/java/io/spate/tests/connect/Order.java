package io.spate.tests.connect;

import java.io.Serializable;

/** An order of {@code amount} for {@code currency} at event time {@code time}. */
record Order(String currency, long time, long amount) implements Serializable {}
