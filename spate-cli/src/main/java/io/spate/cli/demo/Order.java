package io.spate.cli.demo;

/**
 * An order in the demo: the city it was placed in and its amount in whole euros. After the demo's
 * rolling sum, {@code amount} is the city's total so far.
 */
public record Order(String city, long amount) {}
