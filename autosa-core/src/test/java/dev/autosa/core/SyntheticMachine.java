// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.MachineFacts;
import dev.autosa.api.MetricKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One tick's metric values for a machine of a given CPU count, written as the Linux source writes
 * them (whole-machine and per-CPU keys), for workloads described in size-free terms: busy CPUs, the
 * busiest CPU's share, context switches per CPU. Background noise grows with the machine (kernel
 * threads and daemons on every CPU), so a 256-CPU machine is never exactly idle.
 */
record SyntheticMachine(int cpus) {

    MachineFacts facts() {
        return new MachineFacts(cpus, cpus * (4L << 30), "6.18.0-test");
    }

    /** Background: a few daemons, 0.05 CPUs plus 0.002 per CPU, 60 switches/s per CPU. */
    Map<MetricKey, Double> idle() {
        return tick(background(), 0.05, 60, 0, 0, 0, 0, 0);
    }

    /** {@code threads} CPU-bound threads (one CPU each) on top of the background, few switches. */
    Map<MetricKey, Double> cpuThreads(int threads) {
        double busyCpus = Math.min(cpus, background() + threads);
        return tick(busyCpus, 1.0, 100 + 200.0 * Math.min(threads, cpus) / cpus, 0, 0, 0, 0, 0);
    }

    /** Every CPU busy (a parallel build): 1,500 switches/s per CPU, each after ~670 µs of CPU. */
    Map<MetricKey, Double> allCpusBusy() {
        return tick(cpus, 1.0, 1_500, 0, 0, 0, 0, 0);
    }

    /**
     * A service at a steady request rate: 10% of the machine busy, 3,000 short wake-ups per second
     * per CPU (about 33 µs of CPU each).
     */
    Map<MetricKey, Double> service() {
        return tick(0.10 * cpus, 0.35, 3_000, 0, 0, 0, 0, 0);
    }

    /**
     * A service beside one thread that keeps a CPU busy (a busy-polling load generator, as httperf
     * is): the service uses 2% of the machine with 1,200 short wake-ups per second per CPU.
     */
    Map<MetricKey, Double> serviceBesideOneBusyThread() {
        return tick(background() + 1 + 0.02 * cpus, 1.0, 1_200, 0, 0, 0, 0, 0);
    }

    /** Tasks waiting on a disk: half a CPU of iowait, the disk 80% busy, PSI io 40%, little CPU. */
    Map<MetricKey, Double> diskWait() {
        Map<MetricKey, Double> m = tick(0.15 * Math.min(cpus, 4), 0.3, 800, 0.5, 0.8, 0.4, 0, 0);
        return m;
    }

    /** Memory stalls: PSI memory 30%, 50 major faults/s per CPU, the CPUs busy reclaiming. */
    Map<MetricKey, Double> memoryStalls() {
        Map<MetricKey, Double> m = tick(0.9 * cpus, 1.0, 800, 0, 0.1, 0, 0.3, 50);
        return m;
    }

    /** A busy allocator: every CPU busy and 200,000 minor faults/s per CPU, but no stalls. */
    Map<MetricKey, Double> busyAllocator() {
        Map<MetricKey, Double> m = allCpusBusy();
        m.put(MetricKey.MEM_PGFAULTS_PER_SEC, 200_000.0 * cpus);
        m.put(MetricKey.MEM_PGFAULTS_PER_CPU, 200_000.0);
        return m;
    }

    /** Every CPU 80% busy while tasks wait on the disk: mixed. */
    Map<MetricKey, Double> cpuAndDisk() {
        return tick(0.8 * cpus, 1.0, 1_000, 0.5, 0.8, 0.4, 0, 0);
    }

    private double background() {
        return 0.05 + 0.002 * cpus;
    }

    private Map<MetricKey, Double> tick(double busyCpus, double busiest, double ctxPerCpu, double iowaitCpus,
            double ioUtil, double psiIo, double psiMem, double majorPerCpu) {
        Map<MetricKey, Double> m = new LinkedHashMap<>();
        double busy = busyCpus / cpus;
        m.put(MetricKey.CPU_BUSY, busy);
        m.put(MetricKey.CPU_BUSY_CPUS, busyCpus);
        m.put(MetricKey.CPU_BUSIEST, Math.max(busiest, Math.min(1, busy)));
        m.put(MetricKey.CPU_IOWAIT, Math.min(1 - busy, iowaitCpus / cpus));
        m.put(MetricKey.SCHED_CTX_SWITCHES_PER_SEC, ctxPerCpu * cpus);
        m.put(MetricKey.SCHED_CTX_SWITCHES_PER_CPU, ctxPerCpu);
        m.put(MetricKey.SCHED_RUNNABLE_PER_CPU, Math.min(2, busyCpus / cpus + 0.1));
        m.put(MetricKey.IO_UTIL, ioUtil);
        m.put(MetricKey.PSI_IO_SOME, psiIo);
        m.put(MetricKey.PSI_MEM_SOME, psiMem);
        m.put(MetricKey.MEM_MAJOR_FAULTS_PER_SEC, majorPerCpu * cpus);
        m.put(MetricKey.MEM_PGFAULTS_PER_SEC, 2_000.0 * cpus);
        m.put(MetricKey.MEM_PGFAULTS_PER_CPU, 2_000.0);
        m.put(MetricKey.MEM_USED_FRACTION, 0.3);
        return m;
    }
}
