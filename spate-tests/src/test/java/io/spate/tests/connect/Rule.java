package io.spate.tests.connect;

import java.io.Serializable;

/** A rule broadcast to every subtask: orders of at least {@code threshold} match it. */
record Rule(String name, long threshold) implements Serializable {}
