// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import java.time.Duration;

/**
 * Read-only view of the sliding aggregation window that a {@link WorkloadClassifier} reads. Only
 * valid during the call it is passed to: it is a view over the engine's live buffers.
 *
 * <p>Every statistic returns {@link Double#NaN} when the key has no values in the window.
 */
public interface WindowView {

    /**
     * Ticks currently held (grows to {@link #capacity()} during warm-up).
     *
     * @return from 0 to {@link #capacity()}
     */
    int ticks();

    /**
     * Ticks the full window holds: aggregation window / collection interval.
     *
     * @return at least 2
     */
    int capacity();

    /**
     * How many ticks have entered this window since it was created: grows by one per tick (also
     * once the window is full), so a stateful classifier can tell a new tick from a repeated call.
     *
     * @return the number of ticks that entered this window so far
     */
    long sequence();

    /**
     * The machine the values come from (CPU count, memory, kernel), as its metric source reports
     * it; thresholds that depend on the machine's size scale with {@link MachineFacts#cpus()}.
     *
     * @return the machine's facts as of the newest tick
     */
    MachineFacts machine();

    /**
     * The collection interval: the nominal time between two ticks.
     *
     * @return the configured collection interval
     */
    Duration interval();

    /**
     * Number of ticks in the window that carry a value for {@code key}.
     *
     * @param key the metric
     * @return from 0 to {@link #ticks()}
     */
    int count(MetricKey key);

    /**
     * Mean of the values of {@code key} in the window.
     *
     * @param key the metric
     * @return the arithmetic mean, or NaN when the window holds no value for {@code key}
     */
    double mean(MetricKey key);

    /**
     * Mean of the most recent {@code ticks} values of {@code key} (all of them if fewer).
     *
     * @param key the metric
     * @param ticks how many of the newest values to average
     * @return the arithmetic mean, or NaN when the window holds no value for {@code key}
     */
    double recentMean(MetricKey key, int ticks);

    /**
     * Smallest value of {@code key} in the window.
     *
     * @param key the metric
     * @return the minimum, or NaN when the window holds no value for {@code key}
     */
    double min(MetricKey key);

    /**
     * Largest value of {@code key} in the window.
     *
     * @param key the metric
     * @return the maximum, or NaN when the window holds no value for {@code key}
     */
    double max(MetricKey key);

    /**
     * The newest value of {@code key}.
     *
     * @param key the metric
     * @return the newest tick's value, or NaN when the newest tick has none
     */
    double last(MetricKey key);

    /**
     * The {@code p}-th percentile (nearest rank) of the values in the window.
     *
     * @param key the metric
     * @param p the percentile, in [0, 100]
     * @return the smallest value with at least {@code p}% of the values at or below it, or NaN when the
     *     window holds no value for {@code key}
     * @throws IllegalArgumentException when {@code p} is outside [0, 100]
     */
    double percentile(MetricKey key, double p);

    /**
     * How many values of {@code key} in the window are strictly greater than {@code threshold}.
     *
     * @param key the metric
     * @param threshold the value to compare with
     * @return from 0 to {@link #count(MetricKey)}
     */
    int countAbove(MetricKey key, double threshold);
}
