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

/**
 * The built-in rule-based classifier. Each workload class has a per-tick signal (a metric above a
 * threshold); its score is the share of the window's ticks that show the signal, after gates that
 * hand ambiguous windows to the class that explains them better (busy CPU plus iowait is "mixed",
 * not "cpu-bound"). The winner's confidence is its score, discounted by how close the runner-up
 * came: {@code score(winner) * (1 - score(runner-up) / 2)}. So a window that is 48 of 60 s CPU-busy
 * with nothing else going on is cpu-bound at 0.80, and a window that flips between two classes
 * never reaches the default 0.7 threshold.
 *
 * <p>The reasons quote the numbers, e.g. {@code "cpu busy > 70% for 48 of 60 ticks (mean 93%)"}.
 * The same verdict on an unchanged window returns the same instance, so a steady state allocates
 * nothing.
 */
public final class DefaultClassifier implements WorkloadClassifier {

    /** A tick is CPU-busy above this share of CPU time in use (all CPUs). */
    public static final double CPU_BUSY = 0.70;
    /** A tick is idle below this share of CPU time in use. */
    public static final double CPU_IDLE = 0.10;
    /** "Mixed" needs at least this much CPU next to I/O. */
    public static final double CPU_HALF_BUSY = 0.40;
    /** Mean CPU use above which a window is too busy for io-bound (it is mixed then). */
    public static final double IO_BOUND_MAX_CPU = 0.50;
    /** Mean iowait above which a busy window is mixed rather than cpu-bound. */
    public static final double CPU_BOUND_MAX_IOWAIT = 0.10;
    /** I/O signal: iowait share above this... */
    public static final double IOWAIT = 0.10;
    /** ...or the busiest disk busy more than this share of the time... */
    public static final double IO_UTIL = 0.50;
    /** ...or PSI io "some" above this. */
    public static final double PSI_IO_SOME = 0.20;
    /** Memory signal: PSI memory "some" above this... */
    public static final double PSI_MEM_SOME = 0.10;
    /** ...or major faults per second above this... */
    public static final double MAJOR_FAULTS_PER_SEC = 100;
    /** ...or pages swapped per second above this... */
    public static final double SWAP_PER_SEC = 100;
    /** ...or minor page faults per second above this (memory churn: mmap, touch, unmap). */
    public static final double PGFAULTS_PER_SEC = 200_000;
    /** Latency signal: context switches per second above this (many short wake-ups). */
    public static final double CTX_SWITCHES_PER_SEC = 5_000;
    /** Mean CPU use at or above which a wake-up-heavy window counts as cpu-bound, not latency-sensitive. */
    public static final double LATENCY_MAX_CPU = 0.85;
    /** Other signals above this share of ticks disqualify idle and latency-sensitive. */
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

    private final int[] counts = new int[CLASSES.length];
    private final double[] scores = new double[CLASSES.length];
    // The numbers the last verdict was built from; equal numbers give the same (cached) verdict.
    private final int[] facts = new int[8];
    private final int[] lastFacts = new int[8];
    private Classification last = WARMING_UP;

    @Override
    public String name() {
        return "default-rules";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Classification classify(WindowView w) {
        int n = w.ticks();
        if (n == 0) {
            return WARMING_UP;
        }
        int busy = w.countAbove(MetricKey.CPU_BUSY, CPU_BUSY);
        int notIdle = w.countAbove(MetricKey.CPU_BUSY, CPU_IDLE);
        int halfBusy = w.countAbove(MetricKey.CPU_BUSY, CPU_HALF_BUSY);
        int io = max(w.countAbove(MetricKey.CPU_IOWAIT, IOWAIT), w.countAbove(MetricKey.IO_UTIL, IO_UTIL),
                w.countAbove(MetricKey.PSI_IO_SOME, PSI_IO_SOME));
        int mem = max(w.countAbove(MetricKey.PSI_MEM_SOME, PSI_MEM_SOME),
                w.countAbove(MetricKey.MEM_MAJOR_FAULTS_PER_SEC, MAJOR_FAULTS_PER_SEC),
                w.countAbove(MetricKey.MEM_SWAP_PER_SEC, SWAP_PER_SEC));
        mem = Math.max(mem, w.countAbove(MetricKey.MEM_PGFAULTS_PER_SEC, PGFAULTS_PER_SEC));
        int ctx = w.countAbove(MetricKey.SCHED_CTX_SWITCHES_PER_SEC, CTX_SWITCHES_PER_SEC);
        double meanBusy = orZero(w.mean(MetricKey.CPU_BUSY));
        double meanIowait = orZero(w.mean(MetricKey.CPU_IOWAIT));

        double fIo = (double) io / n;
        double fMem = (double) mem / n;
        double fCtx = (double) ctx / n;
        counts[IDLE] = fIo < MINOR_SHARE && fMem < MINOR_SHARE && fCtx < MINOR_SHARE ? n - notIdle : 0;
        counts[CPU] = meanIowait < CPU_BOUND_MAX_IOWAIT ? (int) Math.round(busy * (1 - fMem)) : 0;
        counts[IO] = meanBusy < IO_BOUND_MAX_CPU ? io : 0;
        counts[MEM] = mem;
        counts[LAT] = meanBusy < LATENCY_MAX_CPU && fIo < MINOR_SHARE && fMem < MINOR_SHARE ? ctx : 0;
        counts[MIX] = Math.min(halfBusy, io);

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
        facts[5] = percent(meanBusy);
        facts[6] = percent(meanIowait);
        facts[7] = confidencePct;
        if (Arrays.equals(facts, lastFacts)) {
            return last;
        }
        System.arraycopy(facts, 0, lastFacts, 0, facts.length);
        last = new Classification(CLASSES[winner], confidencePct / 100.0, reasons(winner, runnerUp, n, w));
        return last;
    }

    private List<String> reasons(int winner, int runnerUp, int n, WindowView w) {
        List<String> reasons = new ArrayList<>(3);
        String of = " for " + counts[winner] + " of " + n + " ticks";
        switch (winner) {
            case IDLE -> reasons.add("cpu busy <= " + pct(CPU_IDLE) + of + " (mean " + pct(w.mean(MetricKey.CPU_BUSY)) + ")");
            case CPU -> {
                reasons.add("cpu busy > " + pct(CPU_BUSY) + of + " (mean " + pct(w.mean(MetricKey.CPU_BUSY)) + ")");
                reasons.add("iowait mean " + pct(w.mean(MetricKey.CPU_IOWAIT)) + " < " + pct(CPU_BOUND_MAX_IOWAIT));
            }
            case IO -> {
                reasons.add("i/o wait signal (iowait > " + pct(IOWAIT) + ", disk util > " + pct(IO_UTIL)
                        + " or psi io > " + pct(PSI_IO_SOME) + ")" + of);
                reasons.add("iowait mean " + pct(w.mean(MetricKey.CPU_IOWAIT)) + ", busiest disk util mean "
                        + pct(w.mean(MetricKey.IO_UTIL)) + ", cpu busy mean " + pct(w.mean(MetricKey.CPU_BUSY)));
            }
            case MEM -> reasons.add("memory pressure (psi mem > " + pct(PSI_MEM_SOME) + ", major faults > "
                    + (int) MAJOR_FAULTS_PER_SEC + "/s, swap > " + (int) SWAP_PER_SEC + " pages/s or faults > "
                    + (int) PGFAULTS_PER_SEC + "/s)" + of + " (psi mem mean " + pct(w.mean(MetricKey.PSI_MEM_SOME))
                    + ", faults mean " + rate(w.mean(MetricKey.MEM_PGFAULTS_PER_SEC)) + "/s)");
            case LAT -> reasons.add("context switches > " + (int) CTX_SWITCHES_PER_SEC + "/s" + of + " (mean "
                    + rate(w.mean(MetricKey.SCHED_CTX_SWITCHES_PER_SEC)) + "/s) at moderate cpu (mean "
                    + pct(w.mean(MetricKey.CPU_BUSY)) + " < " + pct(LATENCY_MAX_CPU) + ")");
            case MIX -> reasons.add("cpu busy > " + pct(CPU_HALF_BUSY) + " together with i/o wait" + of
                    + " (cpu mean " + pct(w.mean(MetricKey.CPU_BUSY)) + ", iowait mean "
                    + pct(w.mean(MetricKey.CPU_IOWAIT)) + ")");
            default -> throw new IllegalStateException("unknown class " + winner);
        }
        if (runnerUp >= 0 && counts[runnerUp] > 0) {
            reasons.add("runner-up " + CLASSES[runnerUp].id() + " for " + counts[runnerUp] + " of " + n + " ticks");
        }
        return reasons;
    }

    private static int max(int a, int b, int c) {
        return Math.max(a, Math.max(b, c));
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static int percent(double share) {
        return (int) Math.round(100 * share);
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "n/a" : percent(share) + "%";
    }

    private static String rate(double perSec) {
        if (Double.isNaN(perSec)) {
            return "n/a";
        }
        return perSec >= 10_000 ? String.format(Locale.ROOT, "%.0fk", perSec / 1000) : String.valueOf(Math.round(perSec));
    }
}
