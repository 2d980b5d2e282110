// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.benchmarks;

import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import dev.autosa.api.MetricSource;
import java.util.SplittableRandom;

/**
 * A metric source that writes precomputed rows of every standard key, cycling through them: the
 * shape of a real source's output (a busy, CPU-bound machine with a little jitter) at no cost of
 * its own, so a benchmark over it measures the window, the classifier and the policy alone.
 */
public final class ArraySource implements MetricSource {

    static final MetricKey[] KEYS = {MetricKey.CPU_BUSY, MetricKey.CPU_USER, MetricKey.CPU_SYSTEM,
        MetricKey.CPU_IOWAIT, MetricKey.CPU_STEAL, MetricKey.SCHED_CTX_SWITCHES_PER_SEC,
        MetricKey.SCHED_RUNNABLE_PER_CPU, MetricKey.SCHED_BLOCKED, MetricKey.SCHED_FORKS_PER_SEC,
        MetricKey.MEM_USED_FRACTION, MetricKey.MEM_PGFAULTS_PER_SEC, MetricKey.MEM_MAJOR_FAULTS_PER_SEC,
        MetricKey.MEM_SWAP_PER_SEC, MetricKey.IO_READ_BYTES_PER_SEC, MetricKey.IO_WRITE_BYTES_PER_SEC,
        MetricKey.IO_OPS_PER_SEC, MetricKey.IO_UTIL, MetricKey.PSI_CPU_SOME, MetricKey.PSI_IO_SOME,
        MetricKey.PSI_IO_FULL, MetricKey.PSI_MEM_SOME, MetricKey.PSI_MEM_FULL};
    /** A CPU-bound machine: busy ~0.95, no iowait, modest context switching. */
    private static final double[] BASE = {0.95, 0.85, 0.10, 0.0, 0.0, 1_500, 1.5, 0, 20, 0.3, 2_000, 0, 0,
        50_000, 200_000, 30, 0.02, 0.05, 0.0, 0.0, 0.0, 0.0};
    private static final int ROWS = 64;

    private final double[][] rows = new double[ROWS][KEYS.length];
    private int next;

    public ArraySource() {
        SplittableRandom random = new SplittableRandom(42);
        for (double[] row : rows) {
            for (int k = 0; k < KEYS.length; k++) {
                // +-2% jitter: the values change every tick, the verdict does not.
                row[k] = BASE[k] * (0.98 + 0.04 * random.nextDouble());
            }
        }
    }

    @Override
    public String name() {
        return "array";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public void sample(MetricSink sink) {
        double[] row = rows[next];
        next = (next + 1) % ROWS;
        for (int k = 0; k < KEYS.length; k++) {
            sink.put(KEYS[k], row[k]);
        }
    }
}
