package io.spate.nexmark.checksum;

import io.spate.annotations.Public;
import io.spate.nexmark.model.Auction;
import io.spate.nexmark.model.Bid;
import io.spate.nexmark.model.Event;
import io.spate.nexmark.model.Person;

/**
 * The canonical one-line rendering of an event (SPEC §5), and its row hash, whose sum over a data
 * set is the generator checksum:
 *
 * <pre>
 *   P|id|name|emailAddress|creditCard|city|state|dateTime|extra
 *   A|id|itemName|description|initialBid|reserve|dateTime|expires|seller|category|extra
 *   B|auction|bidder|price|channel|url|dateTime|extra
 * </pre>
 */
@Public
public final class EventLines {
    private EventLines() {}

    /** The canonical line of {@code event}. */
    public static String line(Event event) {
        return append(new StringBuilder(256), event).toString();
    }

    /** Appends the canonical line of {@code event} (without a line break) to {@code out}. */
    public static StringBuilder append(StringBuilder out, Event event) {
        if (event instanceof Bid) {
            Bid b = (Bid) event;
            return out.append("B|")
                    .append(b.auction())
                    .append('|')
                    .append(b.bidder())
                    .append('|')
                    .append(b.price())
                    .append('|')
                    .append(b.channel())
                    .append('|')
                    .append(b.url())
                    .append('|')
                    .append(b.dateTime())
                    .append('|')
                    .append(b.extra());
        } else if (event instanceof Auction) {
            Auction a = (Auction) event;
            return out.append("A|")
                    .append(a.id())
                    .append('|')
                    .append(a.itemName())
                    .append('|')
                    .append(a.description())
                    .append('|')
                    .append(a.initialBid())
                    .append('|')
                    .append(a.reserve())
                    .append('|')
                    .append(a.dateTime())
                    .append('|')
                    .append(a.expires())
                    .append('|')
                    .append(a.seller())
                    .append('|')
                    .append(a.category())
                    .append('|')
                    .append(a.extra());
        } else {
            Person p = (Person) event;
            return out.append("P|")
                    .append(p.id())
                    .append('|')
                    .append(p.name())
                    .append('|')
                    .append(p.emailAddress())
                    .append('|')
                    .append(p.creditCard())
                    .append('|')
                    .append(p.city())
                    .append('|')
                    .append(p.state())
                    .append('|')
                    .append(p.dateTime())
                    .append('|')
                    .append(p.extra());
        }
    }

    /**
     * The row hash of the canonical line of {@code event}, computed with {@code hasher} without
     * building the line; equal to {@code RowHash.of(line(event))}.
     */
    public static long hash(Event event, RowHasher hasher) {
        hasher.begin();
        if (event instanceof Bid) {
            Bid b = (Bid) event;
            return hasher.add('B')
                    .add(b.auction())
                    .add(b.bidder())
                    .add(b.price())
                    .add(b.channel())
                    .add(b.url())
                    .add(b.dateTime())
                    .add(b.extra())
                    .end();
        } else if (event instanceof Auction) {
            Auction a = (Auction) event;
            return hasher.add('A')
                    .add(a.id())
                    .add(a.itemName())
                    .add(a.description())
                    .add(a.initialBid())
                    .add(a.reserve())
                    .add(a.dateTime())
                    .add(a.expires())
                    .add(a.seller())
                    .add(a.category())
                    .add(a.extra())
                    .end();
        } else {
            Person p = (Person) event;
            return hasher.add('P')
                    .add(p.id())
                    .add(p.name())
                    .add(p.emailAddress())
                    .add(p.creditCard())
                    .add(p.city())
                    .add(p.state())
                    .add(p.dateTime())
                    .add(p.extra())
                    .end();
        }
    }
}
