// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

/**
 * Where a {@link MetricSource} writes one tick's values. Implementations are reused across ticks,
 * so writing a value allocates nothing.
 */
@FunctionalInterface
public interface MetricSink {

    /**
     * Records {@code value} under {@code key} for this tick. NaN and infinities are ignored.
     *
     * @param key the metric
     * @param value its value this tick, normalized as {@link MetricKey} says (rates per second, shares 0..1)
     */
    void put(MetricKey key, double value);
}
