package io.spate.nexmark.model;

import io.spate.annotations.Public;

/**
 * An item put up for auction (SPEC §4.5).
 *
 * @param id the auction's id, from 1000
 * @param itemName the item's name
 * @param description the item's description
 * @param initialBid the opening price, cents
 * @param reserve the reserve price, cents
 * @param dateTime when the auction opened, epoch milliseconds
 * @param expires when the auction closes, epoch milliseconds
 * @param seller the id of the selling person
 * @param category the item's category, 10 to 14
 * @param extra padding
 */
@Public
public record Auction(
        long id,
        String itemName,
        String description,
        long initialBid,
        long reserve,
        long dateTime,
        long expires,
        long seller,
        long category,
        String extra)
        implements Event {}
