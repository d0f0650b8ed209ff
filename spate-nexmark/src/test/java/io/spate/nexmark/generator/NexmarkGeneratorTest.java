package io.spate.nexmark.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.nexmark.checksum.EventLines;
import io.spate.nexmark.checksum.RowHash;
import io.spate.nexmark.checksum.RowHasher;
import io.spate.nexmark.model.Auction;
import io.spate.nexmark.model.Bid;
import io.spate.nexmark.model.Event;
import io.spate.nexmark.model.Person;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generator against the check values and golden data of SPEC §2, §3, §5 and §9.1. */
class NexmarkGeneratorTest {

    @Test
    void splitMix64GivesTheStandardTestVector() {
        SplitMix64 r = new SplitMix64(0);
        assertThat(r.next()).isEqualTo(0xe220a8397b1dcdafL);
        assertThat(r.next()).isEqualTo(0x6e789e6aa1b965f4L);
        assertThat(r.next()).isEqualTo(0x06c45d188009454fL);
    }

    @Test
    void mix64AndThePerEventStateOfSeed42() {
        assertThat(SplitMix64.mix64(42)).isEqualTo(0xa759ea27d4727622L);
        NexmarkGenerator g = new NexmarkGenerator(GeneratorConfig.of(1));
        long state = g.initialStateOf(0);
        assertThat(state).isEqualTo(0x97ea87f7e45c00a5L);
        assertThat(new SplitMix64(state).next()).isEqualTo(0x9d591bb7266b13f3L);
    }

    @Test
    void belowUsesTheTopBitsOfOneDraw() {
        SplitMix64 a = new SplitMix64(123);
        SplitMix64 b = new SplitMix64(123);
        for (int i = 0; i < 1000; i++) {
            long n = 1 + (i * 7919L) % (1L << 31);
            long u = b.next() >>> 32;
            assertThat(a.below(n)).isEqualTo((u * n) >>> 32).isBetween(0L, n - 1);
        }
        SplitMix64 max = new SplitMix64(0);
        assertThat(max.below(1L << 31)).isEqualTo((0xe220a8397b1dcdafL >>> 32) >>> 1);
    }

    @Test
    void fixedTablesMatchTheirCheckValues() {
        assertThat(NexmarkTables.hotUrl(0))
                .isEqualTo("https://www.nexmark.com/t_u/eim/vp_s/item.htm?query=1");
        assertThat(NexmarkTables.channelUrl(1))
                .startsWith("https://www.nexmark.com/")
                .endsWith("/item.htm?query=1")
                .doesNotContain("channel_id");
        assertThat(NexmarkTables.channelUrl(2))
                .isEqualTo(
                        "https://www.nexmark.com/_qkl/alt/rqi_/item.htm?query=1"
                                + "&channel_id=1073741824");
        assertThat(NexmarkTables.channelName(0)).isEqualTo("channel-0");
        assertThat(NexmarkTables.channelName(9999)).isEqualTo("channel-9999");
        assertThat(NexmarkTables.extraPool(0, 16)).isEqualTo("qhkqsmgnehaloxiy");
        String pool = NexmarkTables.extraPool(0, NexmarkTables.EXTRA_POOL_LENGTH);
        assertThat(pool).hasSize(1 << 20).matches("[a-z]*");
        assertThat(RowHash.fnv1a64(pool.getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(0xb14924d42bb4396fL);
    }

    @Test
    void channelIdIsTheBitReversalOfTheChannel() {
        int withId = 0;
        for (int c = 0; c < NexmarkTables.NUM_CHANNELS; c++) {
            String url = NexmarkTables.channelUrl(c);
            int at = url.indexOf("&channel_id=");
            if (at >= 0) {
                withId++;
                assertThat(Integer.reverse(Integer.parseUnsignedInt(url.substring(at + 12))))
                        .isEqualTo(c);
            }
        }
        // below(10) > 0 in 9 cases of 10.
        assertThat(withId).isBetween(8800, 9200);
    }

    @Test
    void firstHundredEventsOfTheOracleProfileEqualTheGoldenFile() throws IOException {
        List<String> golden;
        try (InputStream in =
                getClass().getResourceAsStream("/golden/events_seed42_eps10000_first100.txt")) {
            assertThat(in).as("golden file on the test class path").isNotNull();
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(golden).hasSize(100);
        NexmarkGenerator g = new NexmarkGenerator(GeneratorConfig.oracleProfile());
        RowHasher hasher = new RowHasher();
        for (int e = 0; e < 100; e++) {
            Event event = g.event(e);
            String line = EventLines.line(event);
            assertThat(line).as("event %d", e).isEqualTo(golden.get(e));
            assertThat(EventLines.hash(event, hasher)).isEqualTo(RowHash.of(line));
        }
    }

    @Test
    void firstEventsHaveTheFieldsOfSpecSection9() {
        NexmarkGenerator g = new NexmarkGenerator(GeneratorConfig.oracleProfile());
        Person p = (Person) g.event(0);
        assertThat(p.id()).isEqualTo(1000);
        assertThat(p.name()).isEqualTo("Kate Bartels");
        assertThat(p.emailAddress()).isEqualTo("kto@vxx.com");
        assertThat(p.creditCard()).isEqualTo("9352 7052 7167 6192");
        assertThat(p.city()).isEqualTo("Bend");
        assertThat(p.state()).isEqualTo("OR");
        assertThat(p.dateTime()).isEqualTo(1_700_000_000_000L);
        assertThat(p.extra()).hasSize(162).startsWith("psoixgshrm");
        Auction a = (Auction) g.event(1);
        assertThat(a.expires()).isEqualTo(1_700_000_000_002L);
        assertThat(a.seller()).isEqualTo(1010);
        Bid b = (Bid) g.event(4);
        assertThat(b.channel()).isEqualTo("Baidu");
        assertThat(b.url()).isEqualTo(NexmarkTables.hotUrl(2));
    }

    @ParameterizedTest(name = "seed {0}, {1} events at R = {2}")
    @CsvSource({
        "42, 1000000, 10000, 20000, 60000, 920000, a8dabd3bfc6b5dbd",
        "42, 1000000, 10000000, 20000, 60000, 920000, 680f6b6b093e26c7",
        "7, 100000, 10000, 2000, 6000, 92000, 81956d3f1209cda6",
    })
    void generatorChecksumsOfSpecSection9(
            long seed,
            long events,
            long eventsPerSecond,
            long persons,
            long auctions,
            long bids,
            String checksum) {
        GeneratorConfig config =
                new GeneratorConfig(
                        seed, events, GeneratorConfig.DEFAULT_FIRST_EVENT_TIME, eventsPerSecond);
        NexmarkGenerator g = new NexmarkGenerator(config);
        RowHasher hasher = new RowHasher();
        long sum = 0;
        long[] kinds = new long[3];
        for (long e = 0; e < events; e++) {
            Event event = g.event(e);
            sum += EventLines.hash(event, hasher);
            kinds[event instanceof Person ? 0 : event instanceof Auction ? 1 : 2]++;
            assertThat(event.dateTime()).isEqualTo(config.timestampOf(e));
        }
        assertThat(kinds).containsExactly(persons, auctions, bids);
        assertThat(RowHash.hex(sum)).isEqualTo(checksum);
        assertThat(EventKind.PERSON.countIn(events)).isEqualTo(persons);
        assertThat(EventKind.AUCTION.countIn(events)).isEqualTo(auctions);
        assertThat(EventKind.BID.countIn(events)).isEqualTo(bids);
    }

    @Test
    void anEventDependsOnItsIndexAloneNotOnWhatWasGeneratedBefore() {
        GeneratorConfig config = GeneratorConfig.oracleProfile();
        NexmarkGenerator forward = new NexmarkGenerator(config);
        NexmarkGenerator backward = new NexmarkGenerator(config);
        Event[] events = new Event[500];
        for (int e = 0; e < events.length; e++) {
            events[e] = forward.event(e);
        }
        for (int e = events.length - 1; e >= 0; e--) {
            assertThat(backward.event(e)).isEqualTo(events[e]);
        }
        assertThat(new NexmarkGenerator(config.withSeed(43)).event(10)).isNotEqualTo(events[10]);
    }

    @Test
    void kindsFollowTheOneThreeFortySixPattern() {
        assertThat(EventKind.of(0)).isEqualTo(EventKind.PERSON);
        assertThat(EventKind.of(1)).isEqualTo(EventKind.AUCTION);
        assertThat(EventKind.of(3)).isEqualTo(EventKind.AUCTION);
        assertThat(EventKind.of(4)).isEqualTo(EventKind.BID);
        assertThat(EventKind.of(49)).isEqualTo(EventKind.BID);
        assertThat(EventKind.of(50)).isEqualTo(EventKind.PERSON);
        NexmarkGenerator g = new NexmarkGenerator(GeneratorConfig.of(1000));
        for (long e = 0; e < 1000; e++) {
            Event event = g.event(e);
            assertThat(event.getClass().getSimpleName().charAt(0))
                    .isEqualTo(EventKind.of(e).letter());
        }
        for (long n = 0; n < 200; n++) {
            assertThat(
                            EventKind.PERSON.countIn(n)
                                    + EventKind.AUCTION.countIn(n)
                                    + EventKind.BID.countIn(n))
                    .isEqualTo(n);
        }
        assertThat(EventKind.AUCTION.countIn(3)).isEqualTo(2);
    }

    @Test
    void valuesStayInTheirSpecifiedRanges() {
        NexmarkGenerator g =
                new NexmarkGenerator(GeneratorConfig.oracleProfile().withNumEvents(200_000));
        for (long e = 0; e < 200_000; e++) {
            Event event = g.event(e);
            if (event instanceof Bid) {
                Bid b = (Bid) event;
                assertThat(b.extra().length()).isBetween(54, 81);
                assertThat(b.price()).isBetween(100L, 99_999_999L);
                assertThat(b.bidder()).isBetween(1000L, 1000 + e / 50 + 10);
            } else if (event instanceof Auction) {
                Auction a = (Auction) event;
                assertThat(a.category()).isBetween(10L, 14L);
                assertThat(a.itemName().length()).isBetween(3, 19);
                assertThat(a.description().length()).isBetween(3, 99);
                assertThat(a.itemName()).doesNotStartWith(" ").doesNotEndWith(" ");
                assertThat(a.expires()).isBetween(a.dateTime() + 1, a.dateTime() + 334);
                assertThat(a.reserve()).isGreaterThan(a.initialBid());
            } else {
                Person p = (Person) event;
                assertThat(p.emailAddress()).matches("[a-z]{3,6}@[a-z]{3,4}\\.com");
                assertThat(p.creditCard()).matches("\\d{4} \\d{4} \\d{4} \\d{4}");
            }
        }
    }

    @Test
    void configurationIsValidated() {
        assertThatThrownBy(() -> GeneratorConfig.of(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numEvents");
        assertThatThrownBy(() -> GeneratorConfig.of(10).withEventsPerSecond(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventsPerSecond (of event time)");
        assertThatThrownBy(
                        () ->
                                GeneratorConfig.of(10)
                                        .withEventsPerSecond(1)
                                        .withFirstEventTime(Long.MAX_VALUE - 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overflow");
        GeneratorConfig c = GeneratorConfig.of(5).withSeed(-1);
        assertThat(c.toString()).contains("seed=18446744073709551615");
        assertThat(c.timestampOf(3)).isEqualTo(1_700_000_000_000L);
        assertThat(c.withEventsPerSecond(3).timestampOf(2)).isEqualTo(1_700_000_000_666L);
    }
}
