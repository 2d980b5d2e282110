// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Stands between a metric source and the window and drops values outside their documented range
 * ({@link MetricKey}): shares ({@code cpu.*} but {@code cpu.busy_cpus}, {@code psi.*},
 * {@code io.util}, {@code mem.used_fraction}) must lie in 0..1, rates ({@code *_per_sec}) and
 * counts (of tasks, of busy CPUs) must not be negative. A buggy source must not make the classifier see "io-bound at 1.00". Custom keys
 * are passed as they are. Each key's name is checked once, when it first comes; a tick only
 * looks its range up by the window's slot.
 */
final class CheckedSink implements MetricSink {

    private final SlidingWindow window;
    private @Nullable Range[] ranges = new Range[32];
    private long rejected;
    private long rejectedThisTick;
    private MetricKey lastRejectedKey = MetricKey.CPU_BUSY;

    CheckedSink(SlidingWindow window) {
        this.window = window;
    }

    @Override
    public void put(MetricKey key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return; // the window ignores them, as MetricSink documents
        }
        // The key's range is worked out from its name once, when the window first sees the key.
        int slot = window.slotFor(key);
        if (slot >= ranges.length) {
            ranges = Arrays.copyOf(ranges, Math.max(slot + 1, ranges.length * 2));
        }
        Range r = ranges[slot];
        if (r == null) {
            r = range(key.name());
            ranges[slot] = r;
        }
        if (r.allows(value)) {
            window.putAt(slot, value);
        } else {
            rejected++;
            rejectedThisTick++;
            lastRejectedKey = key;
        }
    }

    /** What values a key may take, by its name. */
    enum Range {
        SHARE, NON_NEGATIVE, ANY;

        boolean allows(double value) {
            return switch (this) {
                case SHARE -> value >= 0 && value <= 1;
                case NON_NEGATIVE -> value >= 0;
                case ANY -> true;
            };
        }
    }

    static Range range(String name) {
        if (name.equals("cpu.busy_cpus")) {
            return Range.NON_NEGATIVE; // a count of CPUs (busy share times CPUs), not a share
        }
        if (name.startsWith("cpu.") || name.startsWith("psi.") || name.equals("io.util")
                || name.equals("mem.used_fraction")) {
            return Range.SHARE;
        }
        if (name.endsWith("_per_sec") || name.equals("sched.runnable_per_cpu") || name.equals("sched.blocked")) {
            return Range.NON_NEGATIVE;
        }
        return Range.ANY;
    }

    static boolean allowed(String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return true; // the window ignores them, as MetricSink documents
        }
        return range(name).allows(value);
    }

    /** Starts a tick's count of rejected values. */
    void beginTick() {
        rejectedThisTick = 0;
    }

    long rejectedThisTick() {
        return rejectedThisTick;
    }

    long rejected() {
        return rejected;
    }

    MetricKey lastRejectedKey() {
        return lastRejectedKey;
    }
}
