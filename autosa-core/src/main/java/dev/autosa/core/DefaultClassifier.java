// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.Classification;
import dev.autosa.api.MetricKey;
import dev.autosa.api.WindowView;
import dev.autosa.api.Workload;
import dev.autosa.api.WorkloadClassifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The built-in rule-based classifier. Each tick of the window counts for at most one class, by
 * size-free signals compared with {@link Thresholds} (derived from the machine's CPU count unless
 * given):
 *
 * <ol>
 *   <li>memory-bound: memory stalls (PSI memory, major faults, swapping per CPU), not a busy allocator;</li>
 *   <li>io-bound or mixed: tasks waiting on I/O (iowait CPUs, disk util, PSI io), the machine's busy
 *       share deciding between the two;</li>
 *   <li>latency-sensitive: many short wake-ups (context switches per CPU, each after little CPU time),
 *       at any utilisation, also beside one thread that keeps a CPU busy;</li>
 *   <li>cpu-bound: a CPU's worth of work or more (busy CPUs, or the busiest CPU), so one busy thread
 *       on 256 CPUs counts;</li>
 *   <li>idle: next to nothing runs.</li>
 * </ol>
 *
 * A class's score is the share of the scored ticks (the most recent {@link #SCORED_SHARE_OF_WINDOW}
 * of the window) that count for it; the winner's confidence is its score discounted by how close
 * the runner-up came: {@code score(winner) * (1 - score(runner-up) / 2)}, so a window that flips
 * between two classes never reaches the default 0.7 threshold.
 *
 * <p>Stateful, on the {@link WorkloadClassifier} contract: each call is one new tick (a jump in the
 * window's sequence restarts the count). The reasons quote the thresholds and counts, exact functions
 * of the numbers the verdict is cached on, so the same counts return the same instance (a steady
 * state allocates nothing).
 */
public final class DefaultClassifier implements WorkloadClassifier {

    /** Name of this classifier. */
    public static final String NAME = "default-rules";
    /**
     * Share of the window's most recent ticks that are scored: 40 of 60 by default, so a new
     * workload is recognized about 20 s after it starts and confidently after about 30 s.
     */
    public static final double SCORED_SHARE_OF_WINDOW = 2.0 / 3;
    /** Other signals (or CPU-busy ticks) in this share of the scored ticks or more disqualify idle. */
    public static final double MINOR_SHARE = 0.20;

    private static final Workload[] CLASSES = {Workload.IDLE, Workload.CPU_BOUND, Workload.IO_BOUND,
        Workload.MEMORY_BOUND, Workload.LATENCY_SENSITIVE, Workload.MIXED};
    private static final int IDLE = 0;
    private static final int CPU = 1;
    private static final int IO = 2;
    private static final int MEM = 3;
    private static final int LAT = 4;
    private static final int MIX = 5;

    private static final Classification WARMING_UP =
            Classification.of(Workload.IDLE, 0.0, "no samples in the window yet");

    // Per-tick flags of the scored ticks, in a ring, with running sums per flag.
    private static final int F_BUSY = 0;
    private static final int F_IO = 1;
    private static final int F_MEM = 2;
    private static final int F_WAKE = 3;
    private static final int T_IDLE = 4;
    private static final int T_CPU = 5;
    private static final int T_IO = 6;
    private static final int T_LAT = 7;
    private static final int T_MIX = 8;
    private static final int FLAGS = 9;

    private final @Nullable Thresholds given;
    private Thresholds t;
    private int thresholdsVersion;
    private short[] ring = new short[0];
    private final int[] ringSums = new int[FLAGS];
    private int ringHead;
    private int ringSize;
    private long lastSequence = -1;

    private final int[] counts = new int[CLASSES.length];
    private final double[] scores = new double[CLASSES.length];
    // The numbers the last verdict was built from; equal numbers give the same (cached) verdict.
    private final int[] facts = new int[8];
    private final int[] lastFacts = new int[8];
    private Classification last = WARMING_UP;
    // Each class's description with the thresholds of thresholdsVersion, worded when first needed.
    private final @Nullable String[] descriptions = new String[CLASSES.length];
    private int descriptionsVersion = -1;

    /** Thresholds derived from the CPU count of the machine the window reports. */
    public DefaultClassifier() {
        this.given = null;
        this.t = Thresholds.forCpus(1);
    }

    /**
     * These thresholds: the ones set with {@link Thresholds#with} are used as they are, the others
     * are derived from the CPU count of the machine the window reports.
     *
     * @param thresholds the thresholds, e.g. {@code Thresholds.ofDefaults().with(Threshold.IO_UTIL, 0.4)}
     */
    public DefaultClassifier(Thresholds thresholds) {
        this.given = thresholds;
        this.t = thresholds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return -100; // built in: any plug-in (default priority 0) wins
    }

    /** {@return the thresholds in use (for the machine of the last window seen)} */
    public Thresholds thresholds() {
        return t;
    }

    @Override
    public Classification classify(WindowView w) {
        if (w.ticks() == 0) {
            return WARMING_UP;
        }
        int cpus = w.machine().cpus();
        if (t.cpus() != cpus) {
            Thresholds g = given;
            t = g == null ? Thresholds.forCpus(cpus) : g.forMachineWith(cpus);
            thresholdsVersion++;
        }
        int scored = Math.max(1, (int) Math.round(w.capacity() * SCORED_SHARE_OF_WINDOW));
        observe(w, scored, cpus);
        int n = ringSize;
        double fIo = (double) ringSums[F_IO] / n;
        double fMem = (double) ringSums[F_MEM] / n;
        double fWake = (double) ringSums[F_WAKE] / n;
        double fBusy = (double) ringSums[F_BUSY] / n;
        counts[IDLE] = fIo < MINOR_SHARE && fMem < MINOR_SHARE && fWake < MINOR_SHARE && fBusy < MINOR_SHARE
                ? ringSums[T_IDLE] : 0;
        counts[CPU] = ringSums[T_CPU];
        counts[IO] = ringSums[T_IO];
        counts[MEM] = ringSums[F_MEM];
        counts[LAT] = ringSums[T_LAT];
        counts[MIX] = ringSums[T_MIX];

        int winner = 0;
        int runnerUp = -1;
        for (int c = 0; c < CLASSES.length; c++) {
            scores[c] = (double) counts[c] / n;
            if (c == 0) {
                continue;
            }
            if (scores[c] > scores[winner]) {
                runnerUp = winner;
                winner = c;
            } else if (runnerUp < 0 || scores[c] > scores[runnerUp]) {
                runnerUp = c;
            }
        }
        double runnerScore = runnerUp < 0 ? 0 : scores[runnerUp];
        int confidencePct = (int) Math.round(100 * scores[winner] * (1 - runnerScore / 2));

        facts[0] = winner;
        facts[1] = runnerUp;
        facts[2] = counts[winner];
        facts[3] = runnerUp < 0 ? 0 : counts[runnerUp];
        facts[4] = n;
        facts[5] = cpus;
        facts[6] = confidencePct;
        facts[7] = thresholdsVersion;
        if (Arrays.equals(facts, lastFacts)) {
            return last;
        }
        System.arraycopy(facts, 0, lastFacts, 0, facts.length);
        last = new Classification(CLASSES[winner], confidencePct / 100.0, reasons(winner, runnerUp, n));
        return last;
    }

    private List<String> reasons(int winner, int runnerUp, int n) {
        List<String> reasons = new ArrayList<>(2);
        reasons.add(description(winner) + " for " + counts[winner] + " of " + n + " ticks");
        if (runnerUp >= 0 && counts[runnerUp] > 0) {
            reasons.add("runner-up " + CLASSES[runnerUp].id() + " for " + counts[runnerUp] + " of " + n + " ticks");
        }
        return reasons;
    }

    /** What counts for the class, with the thresholds in use: worded once per thresholds, not per verdict. */
    private String description(int c) {
        if (descriptionsVersion != thresholdsVersion) {
            Arrays.fill(descriptions, null);
            descriptionsVersion = thresholdsVersion;
        }
        String d = descriptions[c];
        if (d == null) {
            d = describe(c);
            descriptions[c] = d;
        }
        return d;
    }

    private String describe(int c) {
        return switch (c) {
            case IDLE -> "fewer than " + num(t.get(Threshold.IDLE_BUSY_CPUS)) + " busy cpus";
            case CPU -> "at least " + num(t.get(Threshold.CPU_BUSY_CPUS)) + " busy cpus or a cpu over "
                    + pct(t.get(Threshold.BUSIEST_CPU)) + " busy";
            case IO -> "tasks waiting on i/o (iowait over " + num(t.get(Threshold.IOWAIT_CPUS))
                    + " cpus, disk util over " + pct(t.get(Threshold.IO_UTIL)) + " or psi io over "
                    + pct(t.get(Threshold.PSI_IO_SOME)) + ") at cpu busy up to " + pct(t.get(Threshold.IO_BOUND_MAX_BUSY));
            case MEM -> "memory stalls (psi memory over " + pct(t.get(Threshold.PSI_MEM_SOME))
                    + ", major faults over " + num(t.get(Threshold.MAJOR_FAULTS_PER_CPU)) + "/s per cpu or swapping over "
                    + num(t.get(Threshold.SWAP_PAGES_PER_CPU)) + " pages/s per cpu)";
            case LAT -> "short wake-ups (over " + num(t.get(Threshold.CTX_SWITCHES_PER_CPU))
                    + " context switches/s per cpu, under " + num(t.get(Threshold.MAX_RUN_MICROS))
                    + " us of cpu each)";
            case MIX -> "cpu busy over " + pct(t.get(Threshold.MIXED_MIN_BUSY)) + " together with i/o wait";
            default -> throw new IllegalStateException("unknown class " + c);
        };
    }

    /**
     * Adds the newest tick's signals to the ring, once per tick (by the window's sequence number:
     * a repeated call for the same tick adds nothing). A jump in the sequence restarts the ring.
     */
    private void observe(WindowView w, int scored, int cpus) {
        long sequence = w.sequence();
        if (sequence == lastSequence && ring.length == scored) {
            return;
        }
        if (ring.length != scored || sequence != lastSequence + 1) {
            ring = new short[scored];
            Arrays.fill(ringSums, 0);
            ringHead = 0;
            ringSize = 0;
        }
        lastSequence = sequence;
        int f = tickFlags(w, cpus);
        if (ringSize == ring.length) {
            add(ring[ringHead], -1);
        } else {
            ringSize++;
        }
        ring[ringHead] = (short) f;
        add(f, 1);
        ringHead = (ringHead + 1) % ring.length;
    }

    /** The newest tick's signals and the one class it counts for (none when it shows no clear signal). */
    private int tickFlags(WindowView w, int cpus) {
        double busy = w.last(MetricKey.CPU_BUSY);
        double busyCpus = orElse(w.last(MetricKey.CPU_BUSY_CPUS), busy * cpus);
        double busiest = w.last(MetricKey.CPU_BUSIEST);
        double ctxPerCpu = orElse(w.last(MetricKey.SCHED_CTX_SWITCHES_PER_CPU),
                w.last(MetricKey.SCHED_CTX_SWITCHES_PER_SEC) / cpus);
        // Busy CPU time per context switch: how long a task runs per wake-up, in microseconds. One CPU
        // kept busy by a single thread (a busy-polling client, a batch thread) on an otherwise light
        // machine would hide a service's short wake-ups in the average: then the wake-ups are measured
        // against the CPU time of the rest of the machine (which needs a rest: more than one CPU).
        double busyElsewhere = busyCpus - busiest;
        double runMicros = cpus > 1 && busiest > t.get(Threshold.BUSIEST_CPU)
                && busyElsewhere < t.get(Threshold.IDLE_BUSY_CPUS)
                ? Math.max(0, busyElsewhere) * 1e6 / (ctxPerCpu * cpus)
                : busy * 1e6 / ctxPerCpu;

        boolean cpuBusy = busyCpus >= t.get(Threshold.CPU_BUSY_CPUS) || busiest > t.get(Threshold.BUSIEST_CPU);
        boolean io = w.last(MetricKey.CPU_IOWAIT) * cpus > t.get(Threshold.IOWAIT_CPUS)
                || w.last(MetricKey.IO_UTIL) > t.get(Threshold.IO_UTIL)
                || w.last(MetricKey.PSI_IO_SOME) > t.get(Threshold.PSI_IO_SOME);
        // Memory stalls: PSI memory where the kernel has it; major faults only where it has not (every
        // program start takes major faults, so beside PSI they would call a build memory-bound).
        double psiMem = w.last(MetricKey.PSI_MEM_SOME);
        boolean mem = psiMem > t.get(Threshold.PSI_MEM_SOME)
                || (Double.isNaN(psiMem) && w.last(MetricKey.MEM_MAJOR_FAULTS_PER_SEC) / cpus > t.get(Threshold.MAJOR_FAULTS_PER_CPU))
                || w.last(MetricKey.MEM_SWAP_PER_SEC) / cpus > t.get(Threshold.SWAP_PAGES_PER_CPU);
        // Short wake-ups, unless the CPUs are contended (PSI cpu): then the switches are runnable tasks
        // taking turns, CPU work, except at rates no CPU-bound load reaches.
        boolean contended = w.last(MetricKey.PSI_CPU_SOME) >= t.get(Threshold.PSI_CPU_CONTENDED);
        boolean wake = ctxPerCpu > t.get(Threshold.CTX_SWITCHES_PER_CPU) && runMicros < t.get(Threshold.MAX_RUN_MICROS)
                && (!contended || ctxPerCpu > t.get(Threshold.CTX_SWITCHES_PER_CPU_CONTENDED));
        // A tick without a CPU reading (the first, or a failed read) is no evidence of idleness.
        boolean quiet = !Double.isNaN(busyCpus) && busyCpus < t.get(Threshold.IDLE_BUSY_CPUS) && !cpuBusy;

        int f = (cpuBusy ? 1 << F_BUSY : 0) | (io ? 1 << F_IO : 0) | (mem ? 1 << F_MEM : 0) | (wake ? 1 << F_WAKE : 0);
        if (mem) {
            return f;
        }
        if (io) {
            f |= busy <= t.get(Threshold.IO_BOUND_MAX_BUSY) ? 1 << T_IO : 0;
            f |= busy > t.get(Threshold.MIXED_MIN_BUSY) ? 1 << T_MIX : 0;
            return f;
        }
        if (wake) {
            return f | 1 << T_LAT;
        }
        if (cpuBusy) {
            return f | 1 << T_CPU;
        }
        return quiet ? f | 1 << T_IDLE : f;
    }

    private void add(int flags, int delta) {
        for (int b = 0; b < FLAGS; b++) {
            if ((flags & (1 << b)) != 0) {
                ringSums[b] += delta;
            }
        }
    }

    private static double orElse(double v, double fallback) {
        return Double.isNaN(v) ? fallback : v;
    }

    private static String pct(double share) {
        return Math.round(100 * share) + "%";
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
