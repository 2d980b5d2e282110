// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * One threshold of the {@link DefaultClassifier}, with its default for a machine of a given CPU
 * count. Every value is size-free (busy CPUs, shares, rates per CPU), so the same number means the
 * same on 2 and on 256 CPUs; the evidence behind each default is in lab/RESULTS.md ("Thresholds").
 * The key is its name in the config file ({@code threshold.<key>}).
 */
public enum Threshold {

    /** A tick is idle with fewer busy CPUs than this (and nothing else going on). */
    IDLE_BUSY_CPUS("idle_busy_cpus", 0, Double.MAX_VALUE, cpus -> Math.max(0.25, 0.02 * cpus)),
    /** A tick is CPU-busy with at least this many CPUs' worth of busy time... */
    CPU_BUSY_CPUS("cpu_busy_cpus", 0, Double.MAX_VALUE, cpus -> Math.max(0.75, 0.05 * cpus)),
    /** ...or when its busiest CPU is busy for more than this share of the tick (one busy thread). */
    BUSIEST_CPU("busiest_cpu", 0, 1, cpus -> 0.75),
    /** An I/O tick is io-bound with a machine busy share up to this... */
    IO_BOUND_MAX_BUSY("io_bound_max_busy", 0, 1, cpus -> 0.50),
    /** ...and mixed with a busy share above this (both when in between). */
    MIXED_MIN_BUSY("mixed_min_busy", 0, 1, cpus -> 0.40),
    /** I/O signal: CPUs' worth of iowait (iowait share times CPUs) above this... */
    IOWAIT_CPUS("iowait_cpus", 0, Double.MAX_VALUE, cpus -> 0.20),
    /** ...or the busiest disk busy for more than this share of the tick... */
    IO_UTIL("io_util", 0, 1, cpus -> 0.25),
    /** ...or PSI io "some" above this share. */
    PSI_IO_SOME("psi_io_some", 0, 1, cpus -> 0.15),
    /** Memory stall signal: PSI memory "some" above this share... */
    PSI_MEM_SOME("psi_mem_some", 0, 1, cpus -> 0.05),
    /** ...or, where the kernel has no PSI, major page faults per second per CPU above this... */
    MAJOR_FAULTS_PER_CPU("major_faults_per_cpu", 0, Double.MAX_VALUE, cpus -> 10),
    /** ...or pages swapped in and out per second per CPU above this. */
    SWAP_PAGES_PER_CPU("swap_pages_per_cpu", 0, Double.MAX_VALUE, cpus -> 50),
    /** Wake-up signal: context switches per second per CPU above this... */
    CTX_SWITCHES_PER_CPU("ctx_switches_per_cpu", 0, Double.MAX_VALUE, cpus -> 800),
    /** ...with the busy CPU time per context switch (how long a task runs per wake-up) below this, in µs. */
    MAX_RUN_MICROS("max_run_micros", 0, Double.MAX_VALUE, cpus -> 300),
    /** With PSI cpu "some" at or above this share the CPUs are contended: switches are turns, not wake-ups... */
    PSI_CPU_CONTENDED("psi_cpu_contended", 0, 1, cpus -> 0.50),
    /** ...unless there are more than this many per second per CPU. */
    CTX_SWITCHES_PER_CPU_CONTENDED("ctx_switches_per_cpu_contended", 0, Double.MAX_VALUE, cpus -> 10_000);

    private final String key;
    private final double min;
    private final double max;
    private final IntToDoubleFunction defaultForCpus;

    Threshold(String key, double min, double max, IntToDoubleFunction defaultForCpus) {
        this.key = key;
        this.min = min;
        this.max = max;
        this.defaultForCpus = defaultForCpus;
    }

    /** {@return the name in the config file, after {@code threshold.}, e.g. {@code "cpu_busy_cpus"}} */
    public String key() {
        return key;
    }

    /**
     * The default on a machine with {@code cpus} online CPUs.
     *
     * @param cpus the online CPU count, at least 1
     * @return the default value, in the threshold's own unit
     */
    public double defaultFor(int cpus) {
        return defaultForCpus.applyAsDouble(cpus);
    }

    /**
     * The threshold with config key {@code key}.
     *
     * @param key the name after {@code threshold.} in the config file
     * @return the threshold
     * @throws IllegalArgumentException when no threshold has that key; the message lists the known keys
     */
    public static Threshold ofKey(String key) {
        for (Threshold t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Threshold t : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(t.key);
        }
        throw new IllegalArgumentException("unknown threshold \"" + key + "\"; known: " + known);
    }

    /** Checks a value for this threshold, with a message naming it. */
    double check(double value) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "threshold %s must be in [%s, %s] but was %s",
                    key, format(min), format(max), format(value)));
        }
        return value;
    }

    private static String format(double v) {
        return v == Double.MAX_VALUE ? "inf" : v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
