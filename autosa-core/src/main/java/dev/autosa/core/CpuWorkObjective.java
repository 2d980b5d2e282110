// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.MetricKey;
import dev.autosa.api.Objective;
import dev.autosa.api.WindowView;

/**
 * The work done: CPUs' worth of busy time per second, higher is better. The default objective judges
 * CPU-bound work by it (see {@link KernelObjective#forWorkload}).
 *
 * <p>Why not contention: CPU-bound work keeps more runnable tasks than a scheduler can run at once,
 * so tasks waiting for a CPU is its normal state, and a throughput scheduler (longer slices, fewer
 * switches) makes each task wait longer by design. What such work needs is the CPU time delivered.
 * A scheduler that leaves CPUs idle while tasks wait, or burns them in overhead the load does not
 * see, lowers it; one that only reorders who waits does not. Measured in the sched_ext guest
 * (2 vCPUs, {@code stress-ng --cpu 2 --cpu-load 90}): about 1.7 busy CPUs under the kernel default
 * and under {@code scx_simple}, about 1.0 under {@code scx_cpu0} (every task on CPU 0, CPU 1 idle).
 */
public final class CpuWorkObjective implements Objective {

    /** The objective; it keeps no state, so one instance may serve every engine and workload class. */
    public CpuWorkObjective() {
    }

    @Override
    public String name() {
        return "cpu work done";
    }

    @Override
    public String unit() {
        return "busy CPUs";
    }

    @Override
    public Direction direction() {
        return Direction.HIGHER_IS_BETTER;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public double read(WindowView window) {
        double busyCpus = window.last(MetricKey.CPU_BUSY_CPUS);
        if (!Double.isNaN(busyCpus)) {
            return busyCpus;
        }
        return window.last(MetricKey.CPU_BUSY) * window.machine().cpus();
    }

    @Override
    public String toString() {
        return "cpu work done (busy CPUs, higher is better)";
    }
}
