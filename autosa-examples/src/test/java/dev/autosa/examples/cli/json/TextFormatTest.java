// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-made formats print exactly what {@code String.format(Locale.ROOT, ...)} printed before. */
class TextFormatTest {

    /** Edge cases of rounding and sign, then many values of the sizes status shows, from a fixed seed. */
    private static List<Double> values() {
        List<Double> v = new ArrayList<>(List.of(0.0, -0.0, 0.5, 1.5, 2.5, -0.5, 0.125, 0.005, 1.005, 0.045, 0.0049999,
                -0.001, -0.0004, 0.995, 9.995, 99.95, 1e7, 1.5e12, 123456789.125, Double.MIN_VALUE, -Double.MIN_VALUE,
                Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1 + 0.2));
        SplittableRandom r = new SplittableRandom(16);
        for (int i = 0; i < 20_000; i++) {
            double scale = Math.pow(10, r.nextInt(-4, 7));
            double x = r.nextDouble() * scale;
            v.add(r.nextBoolean() ? x : -x);
            // Values that sit on a rounding boundary in decimal: k/1000 and k/200.
            v.add(r.nextInt(-100_000, 100_000) / 1000.0);
            v.add(r.nextInt(-100_000, 100_000) / 200.0);
        }
        return v;
    }

    @Test
    void fixedPointIsTheFormattersForEveryPrecisionStatusUses() {
        for (double x : values()) {
            for (int decimals = 0; decimals <= 3; decimals++) {
                assertThat(TextFormat.fixed(x, decimals)).as("%%.%df of %s", decimals, x)
                        .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", x));
            }
            assertThat(TextFormat.signed(x, 3)).as("%%+.3f of %s", x)
                    .isEqualTo(String.format(Locale.ROOT, "%+.3f", x));
        }
    }

    @Test
    void paddingIsTheFormattersAndNeverCuts() {
        for (String s : List.of("", "a", "mode:", "exactly-14-chr", "longer than fourteen")) {
            assertThat(TextFormat.left(s, 14)).isEqualTo(String.format(Locale.ROOT, "%-14s", s));
            assertThat(TextFormat.right(s, 14)).isEqualTo(String.format(Locale.ROOT, "%14s", s));
        }
        for (long n : new long[] {0, 7, -7, 123456, -123456, Long.MAX_VALUE}) {
            assertThat(TextFormat.right(n, 6)).isEqualTo(String.format(Locale.ROOT, "%6d", n));
        }
    }

    @Test
    void durationBetweenInstantsIsTheFormattersForWhatInstantToStringWrites() {
        SplittableRandom r = new SplittableRandom(17);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-11-30T13:10:59.928Z"),
                Instant.parse("2024-02-29T23:59:59.999999999Z"), Instant.parse("1969-12-31T23:59:59.5Z"),
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("+12026-01-01T00:00:00Z"),
                Instant.parse("2026-11-30T13:10:59.000100Z")));
        for (int i = 0; i < 5_000; i++) {
            long second = r.nextLong(-5_000_000_000L, 5_000_000_000L);
            int nanos = switch (r.nextInt(4)) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1000;
                default -> r.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nanos));
        }
        for (int i = 0; i < instants.size(); i++) {
            Instant a = instants.get(i);
            Instant b = instants.get((i * 31 + 7) % instants.size());
            assertThat(TextFormat.between(a.toString(), b.toString())).as("%s to %s", a, b)
                    .isEqualTo(Duration.between(a, b));
        }
    }
}
