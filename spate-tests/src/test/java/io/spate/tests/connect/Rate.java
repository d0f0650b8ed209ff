package io.spate.tests.connect;

import java.io.Serializable;

/** The exchange rate of {@code currency}, valid from event time {@code time}. */
record Rate(String currency, long time, long rate) implements Serializable {}
