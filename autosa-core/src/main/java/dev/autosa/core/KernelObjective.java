// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.MetricKey;
import dev.autosa.api.Objective;
import dev.autosa.api.WindowView;
import dev.autosa.api.Workload;

/**
 * The default objective, which needs nothing from the user: CPU contention per unit of work done,
 * lower is better; CPU-bound work is judged by the work done instead ({@link #forWorkload}).
 *
 * <pre>
 *   contention = (psi.cpu.some + sched.runqueue_wait_per_sec / cpus) / max(cpu.busy, 0.05)
 * </pre>
 *
 * The numerator is how much runnable work waited for a CPU this tick: PSI cpu "some" (share of
 * time at least one task waited) plus the schedstat run-queue delay per CPU (seconds waited per
 * second, per CPU); either term is left out when the kernel does not provide it. The denominator
 * is the work actually done: the busy share of all CPUs. Dividing by it is what makes a scheduler
 * that idles the machine lose: such a scheduler raises the waiting and lowers the work, and
 * "less waiting because less work got done" cannot look better, since the work it did not do is
 * in the denominator. The floor of 0.05 keeps an idle machine's value finite (it is then near 0).
 *
 * <p>Measured in the sched_ext guest (2 vCPUs, {@code stress-ng --cpu 2 --cpu-load 90}): under the
 * kernel default PSI some about 0.1, run delay 0.2 s/s and busy 0.9, so about 0.2; under
 * {@code scx_cpu0} (every task on CPU 0) PSI some about 0.95, run delay 1.8 s/s and busy 0.5, so
 * about 3.7; under {@code scx_simple} about 0.6 at the same busy share: its tasks wait longer for
 * a CPU, which harms latency-sensitive work and is the price of throughput for CPU-bound work.
 * That is why CPU-bound work is judged by {@link CpuWorkObjective} (under which {@code scx_cpu0}
 * still loses: it halves the work done).
 */
public final class KernelObjective implements Objective {

    /** Work below this busy share counts as this much, so an idle machine does not divide by zero. */
    static final double MIN_WORK = 0.05;

    private static final CpuWorkObjective CPU_WORK = new CpuWorkObjective();

    /** The CPU count to divide the run delay by; 0: the window's machine's (a capture's own when replayed). */
    private final int cpus;

    /** Divides by the CPU count of the machine the window's values come from. */
    public KernelObjective() {
        this.cpus = 0;
    }

    /**
     * For a known CPU count (tests, a source that reports no machine).
     *
     * @param cpus the CPU count to divide the run-queue delay by, at least 1
     * @throws IllegalArgumentException when {@code cpus} is below 1
     */
    public KernelObjective(int cpus) {
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be at least 1 but was " + cpus);
        }
        this.cpus = cpus;
    }

    @Override
    public String name() {
        return "cpu contention";
    }

    @Override
    public String unit() {
        return "wait/work";
    }

    @Override
    public Direction direction() {
        return Direction.LOWER_IS_BETTER;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    /** {@link CpuWorkObjective} for {@link Workload#CPU_BOUND} work, this contention objective for any other. */
    @Override
    public Objective forWorkload(Workload workload) {
        return Workload.CPU_BOUND.equals(workload) ? CPU_WORK : this;
    }

    @Override
    public double read(WindowView window) {
        return contention(window.last(MetricKey.PSI_CPU_SOME), window.last(MetricKey.SCHED_RUNQUEUE_WAIT_PER_SEC),
                window.last(MetricKey.CPU_BUSY), cpus > 0 ? cpus : window.machine().cpus());
    }

    /** The formula with this objective's CPU count (which must be fixed). */
    double contention(double psiSome, double runqueueWaitPerSec, double busy) {
        return contention(psiSome, runqueueWaitPerSec, busy, cpus);
    }

    /** The formula, NaN when there is no busy share or neither waiting term. */
    static double contention(double psiSome, double runqueueWaitPerSec, double busy, int cpus) {
        if (Double.isNaN(busy) || (Double.isNaN(psiSome) && Double.isNaN(runqueueWaitPerSec))) {
            return Double.NaN;
        }
        double waiting = (Double.isNaN(psiSome) ? 0 : psiSome)
                + (Double.isNaN(runqueueWaitPerSec) ? 0 : runqueueWaitPerSec / cpus);
        return waiting / Math.max(busy, MIN_WORK);
    }

    @Override
    public String toString() {
        return "cpu contention (wait/work, lower is better" + (cpus > 0 ? "; " + cpus + " cpus" : "") + ")";
    }
}
