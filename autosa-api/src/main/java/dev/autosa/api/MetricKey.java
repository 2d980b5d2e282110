// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

/**
 * The name of one metric in a sample, e.g. {@code cpu.busy}. Values written under a key are
 * interval-normalized: rates are per second, shares are fractions in 0..1.
 *
 * <p>The constants are the keys the standard Linux source writes; custom sources may add their
 * own (an application's request latency, a queue depth) with {@link #of(String)}.
 */
public record MetricKey(String name) {

    /** Share of CPU time not idle (user, nice, system, irq, softirq, steal), 0..1. */
    public static final MetricKey CPU_BUSY = new MetricKey("cpu.busy");
    /**
     * CPUs' worth of busy time: {@link #CPU_BUSY} times the online CPUs (0.5 on 2 CPUs is 1.0: one
     * CPU's worth of work, however many the machine has).
     */
    public static final MetricKey CPU_BUSY_CPUS = new MetricKey("cpu.busy_cpus");
    /**
     * Busy share of the busiest single CPU, 0..1 (per-CPU lines of /proc/stat): one thread that keeps
     * one CPU busy shows here on any machine size.
     */
    public static final MetricKey CPU_BUSIEST = new MetricKey("cpu.busiest");
    /** Share of CPU time in user mode (user + nice), 0..1. */
    public static final MetricKey CPU_USER = new MetricKey("cpu.user");
    /** Share of CPU time in kernel mode (system + irq + softirq), 0..1. */
    public static final MetricKey CPU_SYSTEM = new MetricKey("cpu.system");
    /** Share of CPU time idle while I/O was outstanding, 0..1. */
    public static final MetricKey CPU_IOWAIT = new MetricKey("cpu.iowait");
    /** Share of CPU time stolen by the hypervisor, 0..1. */
    public static final MetricKey CPU_STEAL = new MetricKey("cpu.steal");
    /** Context switches per second, whole machine. */
    public static final MetricKey SCHED_CTX_SWITCHES_PER_SEC = new MetricKey("sched.ctx_switches_per_sec");
    /** Context switches per second per online CPU. */
    public static final MetricKey SCHED_CTX_SWITCHES_PER_CPU = new MetricKey("sched.ctx_switches_per_cpu_per_sec");
    /** Runnable tasks (procs_running) divided by online CPUs. */
    public static final MetricKey SCHED_RUNNABLE_PER_CPU = new MetricKey("sched.runnable_per_cpu");
    /** Tasks blocked on I/O (procs_blocked). */
    public static final MetricKey SCHED_BLOCKED = new MetricKey("sched.blocked");
    /** Processes/threads created per second. */
    public static final MetricKey SCHED_FORKS_PER_SEC = new MetricKey("sched.forks_per_sec");
    /** Seconds spent waiting on run queues per second, summed over CPUs (schedstat). */
    public static final MetricKey SCHED_RUNQUEUE_WAIT_PER_SEC = new MetricKey("sched.runqueue_wait_per_sec");
    /** Memory in use (total - available) divided by total, 0..1. */
    public static final MetricKey MEM_USED_FRACTION = new MetricKey("mem.used_fraction");
    /** Page faults per second. */
    public static final MetricKey MEM_PGFAULTS_PER_SEC = new MetricKey("mem.pgfaults_per_sec");
    /** Page faults per second per online CPU. */
    public static final MetricKey MEM_PGFAULTS_PER_CPU = new MetricKey("mem.pgfaults_per_cpu_per_sec");
    /** Major page faults per second (pages read from disk to resolve a fault: memory stalls). */
    public static final MetricKey MEM_MAJOR_FAULTS_PER_SEC = new MetricKey("mem.major_faults_per_sec");
    /** Pages swapped in plus out per second. */
    public static final MetricKey MEM_SWAP_PER_SEC = new MetricKey("mem.swap_per_sec");
    /** Bytes read per second, all whole disks. */
    public static final MetricKey IO_READ_BYTES_PER_SEC = new MetricKey("io.read_bytes_per_sec");
    /** Bytes written per second, all whole disks. */
    public static final MetricKey IO_WRITE_BYTES_PER_SEC = new MetricKey("io.write_bytes_per_sec");
    /** Completed reads plus writes per second, all whole disks. */
    public static final MetricKey IO_OPS_PER_SEC = new MetricKey("io.ops_per_sec");
    /** Share of time the busiest disk had I/O in flight (io_ticks), 0..1. */
    public static final MetricKey IO_UTIL = new MetricKey("io.util");
    /** PSI: share of time some task stalled on CPU, 0..1. */
    public static final MetricKey PSI_CPU_SOME = new MetricKey("psi.cpu.some");
    /** PSI: share of time some task stalled on I/O, 0..1. */
    public static final MetricKey PSI_IO_SOME = new MetricKey("psi.io.some");
    /** PSI: share of time all non-idle tasks stalled on I/O, 0..1. */
    public static final MetricKey PSI_IO_FULL = new MetricKey("psi.io.full");
    /** PSI: share of time some task stalled on memory, 0..1. */
    public static final MetricKey PSI_MEM_SOME = new MetricKey("psi.mem.some");
    /** PSI: share of time all non-idle tasks stalled on memory, 0..1. */
    public static final MetricKey PSI_MEM_FULL = new MetricKey("psi.mem.full");

    /**
     * Validates the name.
     *
     * @param name lower-case letters, digits, '.', '_' and '-', 1..64 characters, e.g. {@code "app.p99_ms"}
     * @throws IllegalArgumentException when the name is empty, longer than 64 characters or holds
     *     another character
     */
    public MetricKey {
        if (name.isEmpty() || name.length() > 64) {
            throw new IllegalArgumentException("metric key must have 1 to 64 characters but was \"" + name + "\"");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            if (!ok) {
                throw new IllegalArgumentException(
                        "metric key may hold only a-z, 0-9, '.', '_' and '-' but was \"" + name + "\"");
            }
        }
    }

    /**
     * The key of a metric a custom source writes.
     *
     * @param name lower-case letters, digits, '.', '_' and '-', 1..64 characters
     * @return the key; equal to the constant of the same name, if there is one
     * @throws IllegalArgumentException when the name is not of that form
     */
    public static MetricKey of(String name) {
        return new MetricKey(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
