package io.spate.nexmark.model;

import io.spate.annotations.Public;

/**
 * One Nexmark event: a new {@link Person}, a new {@link Auction} or a {@link Bid} (SPEC §4). Every
 * event carries its event time in epoch milliseconds.
 */
@Public
public sealed interface Event permits Person, Auction, Bid {
    /** The event time, epoch milliseconds (UTC). */
    long dateTime();
}
