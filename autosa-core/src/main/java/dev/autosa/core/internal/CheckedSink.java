// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;

/**
 * Stands between a metric source and the window and drops values outside their documented range
 * ({@link MetricKey}): shares ({@code cpu.*} but {@code cpu.busy_cpus}, {@code psi.*},
 * {@code io.util}, {@code mem.used_fraction}) must lie in 0..1, rates ({@code *_per_sec}) and
 * counts (of tasks, of busy CPUs) must not be negative. A buggy source must not make the classifier see "io-bound at 1.00". Custom keys
 * are passed as they are. Checks by name, without allocating.
 */
final class CheckedSink implements MetricSink {

    private final SlidingWindow window;
    private long rejected;
    private long rejectedThisTick;
    private MetricKey lastRejectedKey = MetricKey.CPU_BUSY;

    CheckedSink(SlidingWindow window) {
        this.window = window;
    }

    @Override
    public void put(MetricKey key, double value) {
        if (allowed(key.name(), value)) {
            window.put(key, value);
        } else {
            rejected++;
            rejectedThisTick++;
            lastRejectedKey = key;
        }
    }

    static boolean allowed(String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return true; // the window ignores them, as MetricSink documents
        }
        if (name.equals("cpu.busy_cpus")) {
            return value >= 0; // a count of CPUs (busy share times CPUs), not a share
        }
        if (name.startsWith("cpu.") || name.startsWith("psi.") || name.equals("io.util")
                || name.equals("mem.used_fraction")) {
            return value >= 0 && value <= 1;
        }
        if (name.endsWith("_per_sec") || name.equals("sched.runnable_per_cpu") || name.equals("sched.blocked")) {
            return value >= 0;
        }
        return true;
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
