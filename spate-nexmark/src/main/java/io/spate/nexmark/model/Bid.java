package io.spate.nexmark.model;

import io.spate.annotations.Public;

/**
 * A bid on an auction (SPEC §4.6).
 *
 * @param auction the id of the auction bid on
 * @param bidder the id of the bidding person
 * @param price the price bid, cents
 * @param channel the channel the bid came through
 * @param url the page the bid was made on
 * @param dateTime when the bid was made, epoch milliseconds
 * @param extra padding
 */
@Public
public record Bid(
        long auction,
        long bidder,
        long price,
        String channel,
        String url,
        long dateTime,
        String extra)
        implements Event {}
