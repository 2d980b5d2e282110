// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    private static String formatter(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    @Test
    void wholeHundredthsAreWrittenAsTheFormatterWritesThem() {
        for (int k = 0; k <= 200_000; k++) {
            double v = k / 100.0;
            assertThat(Decimals.twoPlaces(v)).as("%d hundredths", k).isEqualTo(formatter(v));
        }
    }

    @Test
    void confidencesAsTheClassifierComputesThemAreWrittenAsTheFormatterWritesThem() {
        // DefaultClassifier's confidence is a rounded percentage divided by 100; the engine's
        // thresholds come from user input such as 0.7 or 0.85.
        for (int pct = 0; pct <= 100; pct++) {
            double v = pct / 100.0;
            assertThat(Decimals.twoPlaces(v)).isEqualTo(formatter(v));
        }
        for (double v : new double[] {0.7, 0.85, 0.55, 0.29, 0.57, 1.0, 0.0, 0.1 + 0.2, 2.675, 1.005, 0.125}) {
            assertThat(Decimals.twoPlaces(v)).as("%s", v).isEqualTo(formatter(v));
        }
    }

    @Test
    void everyOtherNumberIsWrittenAsTheFormatterWritesIt() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 100_000; i++) {
            double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-6, 14));
            assertThat(Decimals.twoPlaces(v)).as("%s", v).isEqualTo(formatter(v));
        }
        for (double v : new double[] {-0.0, -0.01, -1.5, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 1e10 + 0.01, 9.995, 0.005, 0.015}) {
            assertThat(Decimals.twoPlaces(v)).as("%s", v).isEqualTo(formatter(v));
        }
    }
}
