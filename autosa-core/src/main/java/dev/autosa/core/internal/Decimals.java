// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import java.util.Locale;

/**
 * Numbers with two decimals, exactly as {@code String.format(Locale.ROOT, "%.2f", v)} writes them,
 * without the formatter for the numbers decisions quote: confidences and thresholds, which are whole
 * hundredths. The formatter parses its pattern and builds a formatter per call; on a tick path that
 * runs once a second with cold caches that was a noticeable part of the tick.
 */
public final class Decimals {

    /** Above this many hundredths the fast path is not tried (a long division, exact only for small values). */
    private static final double MAX_HUNDREDTHS = 1e12;

    private Decimals() {
    }

    /** {@code String.format(Locale.ROOT, "%.2f", v)}. */
    public static String twoPlaces(double v) {
        double hundredths = v * 100;
        // Positive (not -0.0, which the formatter writes as "-0.00") and a whole number of hundredths:
        // then v is the double nearest to k/100, its shortest decimal form is k/100 itself, and the
        // formatter's half-up rounding to two places leaves it as it is.
        if (hundredths >= 0 && hundredths < MAX_HUNDREDTHS && Double.doubleToRawLongBits(v) >= 0) {
            long k = Math.round(hundredths);
            if (k / 100.0 == v) {
                long cents = k % 100;
                return (k / 100) + (cents < 10 ? ".0" : ".") + cents;
            }
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
