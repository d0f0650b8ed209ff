package io.spate.tests.connect;

import java.io.Serializable;

/** An element of an interval join test: a key, an event time and a name to tell it apart. */
record Tick(int key, long time, String id) implements Serializable {}
