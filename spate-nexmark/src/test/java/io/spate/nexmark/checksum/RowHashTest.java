package io.spate.nexmark.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.nexmark.generator.SplitMix64;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The row hash of SPEC §7.2, whole and column by column. */
class RowHashTest {
    private final RowHasher hasher = new RowHasher();

    /** The definition, spelled out: FNV-1a over the UTF-8 bytes, then mix64. */
    private static long reference(String row) {
        long h = 0xcbf29ce484222325L;
        for (byte b : row.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return SplitMix64.mix64(h);
    }

    @Test
    void checkValueOfSpecSection72() {
        assertThat(RowHash.of("a|1")).isEqualTo(0x7ba267733085162eL);
        assertThat(hasher.begin().add("a").add(1).end()).isEqualTo(0x7ba267733085162eL);
        assertThat(hasher.begin().add('a').add(1).end()).isEqualTo(0x7ba267733085162eL);
        assertThat(RowHash.hex(0x7ba267733085162eL)).isEqualTo("7ba267733085162e");
        assertThat(RowHash.hex(1)).isEqualTo("0000000000000001");
        assertThat(RowHash.hex(-1)).isEqualTo("ffffffffffffffff");
    }

    @Test
    void fnv1a64OfNoBytesIsTheOffsetBasis() {
        assertThat(RowHash.fnv1a64(new byte[0])).isEqualTo(RowHash.FNV_OFFSET_BASIS);
        assertThat(hasher.begin().end()).isEqualTo(SplitMix64.mix64(RowHash.FNV_OFFSET_BASIS));
        assertThat(RowHash.of("")).isEqualTo(reference(""));
    }

    @Test
    void numbersAreRenderedInMinimalDecimal() {
        long[] values = {
            0, 1, -1, 9, 10, -10, 1234, -5, Long.MAX_VALUE, Long.MIN_VALUE, 1_700_000_000_000L
        };
        for (long v : values) {
            assertThat(hasher.begin().add(v).end()).as("%d", v).isEqualTo(reference("" + v));
            assertThat(hasher.begin().add("x").add(v).add(v).end())
                    .isEqualTo(reference("x|" + v + "|" + v));
        }
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            assertThat(hasher.begin().add(v).end()).isEqualTo(reference(Long.toString(v)));
        }
    }

    @Test
    void decimalsHaveExactlyTheirScaleInFractionDigits() {
        assertThat(hasher.begin().addDecimal(908_000, 3).end()).isEqualTo(reference("908.000"));
        assertThat(hasher.begin().addDecimal(908, 3).end()).isEqualTo(reference("0.908"));
        assertThat(hasher.begin().addDecimal(-5, 3).end()).isEqualTo(reference("-0.005"));
        assertThat(hasher.begin().addDecimal(0, 3).end()).isEqualTo(reference("0.000"));
        assertThat(hasher.begin().addDecimal(42, 0).end()).isEqualTo(reference("42"));
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 10_000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            int scale = random.nextInt(19);
            String text = BigDecimal.valueOf(v, scale).toPlainString();
            assertThat(hasher.begin().add(1).addDecimal(v, scale).end())
                    .as("%d scale %d", v, scale)
                    .isEqualTo(reference("1|" + text));
        }
    }

    @Test
    void nullIsBackslashN() {
        assertThat(hasher.begin().add(7).addNull().end()).isEqualTo(reference("7|\\N"));
        assertThat(hasher.begin().add((String) null).add(7).end()).isEqualTo(reference("\\N|7"));
    }

    @Test
    void textIsHashedAsItsUtf8Bytes() {
        String[] texts = {
            "plain ascii",
            "é",
            "€ 5",
            "\uD83D\uDE00 smile",
            "lone \uD800 high",
            "lone \uDC00 low",
            "end \uD800",
            "\u07FF\u0800\uFFFF"
        };
        for (String t : texts) {
            assertThat(RowHash.of(t)).as(t).isEqualTo(reference(t));
            assertThat(hasher.begin().add(t).add(t).end()).isEqualTo(reference(t + "|" + t));
        }
        assertThat(hasher.begin().add('é').end()).isEqualTo(reference("é"));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(12)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) random.nextInt(Character.MAX_VALUE + 1);
            }
            String t = new String(chars);
            assertThat(RowHash.of(t)).isEqualTo(reference(t));
        }
    }

    @Test
    void aChecksumSumsInsertedAndSubtractsRetractedRows() {
        RowChecksum a = new RowChecksum();
        a.insert(RowHash.of("a|1"));
        a.insert(RowHash.of("b|2"));
        a.retract(RowHash.of("a|1"));
        RowChecksum b = new RowChecksum();
        b.insert(RowHash.of("b|2"));
        assertThat(a).isEqualTo(b);
        b.merge(new RowChecksum(1, -1));
        assertThat(b.rows()).isEqualTo(2);
        assertThat(b.sum()).isEqualTo(RowHash.of("b|2") - 1);
        assertThat(a.toString()).isEqualTo("rows=1 checksum=" + RowHash.hex(RowHash.of("b|2")));
    }
}
