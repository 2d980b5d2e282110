// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The few {@code String.format} patterns the text output uses ({@code %-14s}, {@code %6d},
 * {@code %.2f}, {@code %+.3f}, {@code Locale.ROOT}), with the same result: {@link java.util.Formatter}
 * parses its pattern with a regular expression and loads locale data, which was a fifth of the CPU
 * time of a whole {@code autosa status} call.
 */
final class TextFormat {

    private TextFormat() {
    }

    /** {@code %-Ns}: {@code s}, then spaces up to {@code width}; never cut. */
    static String left(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** {@code %Ns}: spaces up to {@code width}, then {@code s}; never cut. */
    static String right(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** {@code %Nd}. */
    static String right(long n, int width) {
        return right(Long.toString(n), width);
    }

    /** {@code %.Nf} in {@code Locale.ROOT}: rounded half up, like the formatter, from the shortest decimal form. */
    static String fixed(double v, int decimals) {
        return fixed(v, decimals, false);
    }

    /** {@code %+.Nf} in {@code Locale.ROOT}: as {@link #fixed(double, int)} with a sign always. */
    static String signed(double v, int decimals) {
        return fixed(v, decimals, true);
    }

    private static String fixed(double v, int decimals, boolean plus) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        // The sign is the double's own (so -0.0 and -0.001 print "-0.00", as the formatter does).
        boolean negative = Double.compare(v, 0.0) < 0;
        String sign = negative ? "-" : plus ? "+" : "";
        double abs = Math.abs(v);
        if (Double.isInfinite(abs)) {
            return sign + "Infinity";
        }
        return sign + BigDecimal.valueOf(abs).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * {@code Duration.between(Instant.parse(from), Instant.parse(to))} for instants as
     * {@link Instant#toString()} writes them ({@code 2026-11-30T13:10:59.928Z}), without the
     * date-time formatter, whose set-up costs a status call more than everything else it prints;
     * anything else goes to {@link Instant#parse}.
     */
    static Duration between(String from, String to) {
        return sinceEpoch(to).minus(sinceEpoch(from));
    }

    private static Duration sinceEpoch(String iso) {
        int n = iso.length();
        if (n >= 20 && n <= 30 && iso.charAt(4) == '-' && iso.charAt(7) == '-' && iso.charAt(10) == 'T'
                && iso.charAt(13) == ':' && iso.charAt(16) == ':' && iso.charAt(n - 1) == 'Z'
                && (n == 20 || iso.charAt(19) == '.' && n > 21)) {
            try {
                long day = LocalDate.of(digits(iso, 0, 4), digits(iso, 5, 7), digits(iso, 8, 10)).toEpochDay();
                int hour = digits(iso, 11, 13);
                int minute = digits(iso, 14, 16);
                int second = digits(iso, 17, 19);
                int nanos = 0;
                if (n > 20) {
                    String fraction = iso.substring(20, n - 1);
                    nanos = digits(fraction + "000000000", 0, 9);
                }
                if (hour < 24 && minute < 60 && second < 60) {
                    return Duration.ofSeconds(day * 86_400 + hour * 3600L + minute * 60L + second, nanos);
                }
            } catch (RuntimeException e) {
                // Not this shape after all (a date that does not exist): the formatter decides.
            }
        }
        Instant i = Instant.parse(iso);
        return Duration.ofSeconds(i.getEpochSecond(), i.getNano());
    }

    /** The decimal number in {@code s[from, to)}, which must be digits only. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a digit in " + s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
