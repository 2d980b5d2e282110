// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autosa.api.MetricKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The O(1) window must agree with a naive recomputation over the same values, tick by tick. */
class SlidingWindowTest {

    private static final MetricKey A = MetricKey.of("test.a");
    private static final MetricKey B = MetricKey.of("test.b");

    @Test
    void statisticsMatchANaiveWindowOverRandomData() {
        int capacity = 17;
        SlidingWindow w = new SlidingWindow(capacity, Duration.ofSeconds(1));
        Random random = new Random(42);
        List<Double> history = new ArrayList<>();
        for (int tick = 0; tick < 2_000; tick++) {
            w.beginTick();
            // About one tick in five has no value (a missing file, the first tick's rates).
            double v = random.nextInt(5) == 0 ? Double.NaN : Math.floor(random.nextGaussian() * 1000) / 10;
            w.put(A, v);
            w.commitTick();
            history.add(v);
            double[] live = history.subList(Math.max(0, history.size() - capacity), history.size()).stream()
                    .mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).toArray();
            assertThat(w.ticks()).isEqualTo(Math.min(tick + 1, capacity));
            assertThat(w.count(A)).isEqualTo(live.length);
            if (live.length == 0) {
                assertThat(w.mean(A)).isNaN();
                continue;
            }
            double[] sorted = live.clone();
            Arrays.sort(sorted);
            assertThat(w.mean(A)).isCloseTo(Arrays.stream(live).average().orElseThrow(), within(1e-9));
            assertThat(w.min(A)).isEqualTo(sorted[0]);
            assertThat(w.max(A)).isEqualTo(sorted[sorted.length - 1]);
            assertThat(w.percentile(A, 50)).isEqualTo(sorted[(int) Math.ceil(0.5 * sorted.length) - 1]);
            assertThat(w.percentile(A, 90)).isEqualTo(sorted[(int) Math.ceil(0.9 * sorted.length) - 1]);
            assertThat(w.percentile(A, 100)).isEqualTo(sorted[sorted.length - 1]);
            assertThat(w.percentile(A, 0)).isEqualTo(sorted[0]);
            assertThat(w.countAbove(A, 0)).isEqualTo((int) Arrays.stream(live).filter(x -> x > 0).count());
            if (Double.isNaN(v)) {
                assertThat(w.last(A)).isNaN();
            } else {
                assertThat(w.last(A)).isEqualTo(v);
            }
        }
    }

    @Test
    void recentMeanLooksOnlyAtTheNewestTicks() {
        SlidingWindow w = new SlidingWindow(10, Duration.ofSeconds(1));
        for (int i = 1; i <= 10; i++) {
            w.beginTick();
            w.put(A, i);
            w.commitTick();
        }
        assertThat(w.recentMean(A, 3)).isEqualTo(9.0);
        assertThat(w.recentMean(A, 100)).isEqualTo(5.5);
    }

    @Test
    void aKeyThatAppearsLateOrNeverIsHandled() {
        SlidingWindow w = new SlidingWindow(4, Duration.ofSeconds(1));
        for (int i = 0; i < 6; i++) {
            w.beginTick();
            w.put(A, 1);
            if (i >= 4) {
                w.put(B, i);
            }
            w.put(A, Double.POSITIVE_INFINITY); // ignored, the finite value stays
            w.commitTick();
        }
        assertThat(w.count(B)).isEqualTo(2);
        assertThat(w.mean(B)).isEqualTo(4.5);
        assertThat(w.mean(A)).isEqualTo(1.0);
        MetricKey never = MetricKey.of("test.never");
        assertThat(w.mean(never)).isNaN();
        assertThat(w.max(never)).isNaN();
        assertThat(w.percentile(never, 50)).isNaN();
        assertThat(w.countAbove(never, 0)).isZero();
        assertThat(w.meansSnapshot()).containsOnlyKeys("test.a", "test.b");
    }

    @Test
    void manyKeysGrowTheTables() {
        SlidingWindow w = new SlidingWindow(3, Duration.ofSeconds(1));
        w.beginTick();
        for (int k = 0; k < 100; k++) {
            w.put(MetricKey.of("k." + k), k);
        }
        w.commitTick();
        assertThat(w.mean(MetricKey.of("k.99"))).isEqualTo(99.0);
        assertThat(w.meansSnapshot()).hasSize(100);
    }
}
