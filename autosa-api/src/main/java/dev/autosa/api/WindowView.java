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

    /** Ticks currently held (grows to {@link #capacity()} during warm-up). */
    int ticks();

    /** Ticks the full window holds: aggregation window / collection interval. */
    int capacity();

    /**
     * How many ticks have entered this window since it was created: grows by one per tick (also
     * once the window is full), so a stateful classifier can tell a new tick from a repeated call.
     */
    long sequence();

    /**
     * The machine the values come from (CPU count, memory, kernel), as its metric source reports
     * it; thresholds that depend on the machine's size scale with {@link MachineFacts#cpus()}.
     */
    MachineFacts machine();

    /** The collection interval: the nominal time between two ticks. */
    Duration interval();

    /** Number of ticks in the window that carry a value for {@code key}. */
    int count(MetricKey key);

    double mean(MetricKey key);

    /** Mean of the most recent {@code ticks} values of {@code key} (all of them if fewer). */
    double recentMean(MetricKey key, int ticks);

    double min(MetricKey key);

    double max(MetricKey key);

    /** The newest value, or NaN when the newest tick has none. */
    double last(MetricKey key);

    /** The {@code p}-th percentile (0..100, nearest rank) of the values in the window. */
    double percentile(MetricKey key, double p);

    /** How many values of {@code key} in the window are strictly greater than {@code threshold}. */
    int countAbove(MetricKey key, double threshold);
}
