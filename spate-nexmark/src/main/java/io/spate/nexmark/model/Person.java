package io.spate.nexmark.model;

import io.spate.annotations.Public;

/**
 * A person who joined the auction site (SPEC §4.4).
 *
 * @param id the person's id, from 1000
 * @param name first and last name
 * @param emailAddress an e-mail address
 * @param creditCard four groups of four digits
 * @param city a city
 * @param state a US state's code
 * @param dateTime when the person joined, epoch milliseconds
 * @param extra padding
 */
@Public
public record Person(
        long id,
        String name,
        String emailAddress,
        String creditCard,
        String city,
        String state,
        long dateTime,
        String extra)
        implements Event {}
