// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * Scores a replay (one {@link TickRow} per tick) against the labelled phases of its capture. Pure
 * arithmetic on rows, so it is tested without any capture.
 *
 * <ul>
 *   <li>Accuracy: share of a phase's settled ticks (from {@code settle} after its start to its end)
 *       whose verdict is the phase's label.</li>
 *   <li>Reaction: time from the phase's start to its first tick whose verdict is the label, and to
 *       the first such tick with confidence at or above the switch threshold.</li>
 *   <li>Switches: ticks in the phase whose action is {@code switch}.</li>
 *   <li>Bursty phases have no right label: they are scored by "no switch", and the labels given.</li>
 *   <li>Calibration: for verdicts in labelled phases after the warm-up, how often a verdict of a
 *       given confidence is right.</li>
 * </ul>
 */
public final class Scorer {

    private Scorer() {
    }

    /**
     * @param settleMs      ticks this long after a phase starts are not yet expected to be right
     * @param minConfidence the switch threshold: "confident" verdicts are at or above it
     * @param warmupMs      ticks before this (since the capture's start) are left out of calibration
     */
    public record Options(long settleMs, double minConfidence, long warmupMs) {
        public static final long DEFAULT_SETTLE_MS = 45_000;

        public static Options ofDefaults() {
            return new Options(DEFAULT_SETTLE_MS, 0.7, 30_000);
        }
    }

    /**
     * One phase's score. {@code accuracy} is NaN for bursty phases (and phases without settled
     * ticks); reaction times are -1 when it never happened, and count from {@code reactionFromMs}
     * after the phase start (0 unless the phase started disturbed by other processes).
     */
    public record PhaseScore(Phase phase, int ticks, int settledTicks, int settledCorrect, double accuracy,
            long reactionMs, long confidentReactionMs, int switches, Map<String, Integer> settledVerdicts,
            double meanSettledConfidence, double maxConfidence, int contaminatedTicks, long reactionFromMs) {

        /** The most frequent settled verdict. */
        public String modalVerdict() {
            return settledVerdicts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse("-");
        }
    }

    /** Verdicts with confidence in [lo, hi) (the last bucket includes 1.0) and how many were right. */
    public record Bucket(double lo, double hi, int n, int correct) {
        public double accuracy() {
            return n == 0 ? Double.NaN : (double) correct / n;
        }
    }

    /** Calibration over a set of ticks: per 0.1 bucket, plus the verdicts at or above the threshold. */
    public record Calibration(List<Bucket> buckets, int confidentN, int confidentCorrect) {
        public double confidentAccuracy() {
            return confidentN == 0 ? Double.NaN : (double) confidentCorrect / confidentN;
        }
    }

    /**
     * The whole report. {@code confusion} maps each phase label to the verdicts of its settled ticks.
     * {@code calibrationAll} covers every labelled tick after the warm-up (transitions included),
     * {@code calibrationSettled} only settled ticks.
     */
    public record Report(Options options, List<PhaseScore> phases, Map<String, Map<String, Integer>> confusion,
            Calibration calibrationAll, Calibration calibrationSettled, int totalSwitches) {

        /** Settled-tick accuracy over all labelled (non-bursty) phases together. */
        public double overallAccuracy() {
            int n = 0;
            int ok = 0;
            for (PhaseScore p : phases) {
                if (!p.phase().isBursty()) {
                    n += p.settledTicks();
                    ok += p.settledCorrect();
                }
            }
            return n == 0 ? Double.NaN : (double) ok / n;
        }

        public PhaseScore phase(String label) {
            return phases.stream().filter(p -> p.phase().label().equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no phase " + label + " in the report"));
        }
    }

    public static Report score(List<TickRow> rows, List<Phase> phases, Options o) {
        return score(rows, phases, o, t -> true, t -> true);
    }

    /**
     * Scores only the ticks {@code clean} accepts for accuracy, verdicts and calibration (ticks
     * whose window other processes disturbed are counted as contaminated); switches count every
     * tick. Reaction counts from the phase's first tick that {@code quiet} accepts (other
     * processes gone at that moment), which is the phase start unless the phase began disturbed.
     */
    public static Report score(List<TickRow> rows, List<Phase> phases, Options o, LongPredicate clean,
            LongPredicate quiet) {
        List<PhaseScore> scores = new ArrayList<>();
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        int[] allN = new int[10];
        int[] allOk = new int[10];
        int[] setN = new int[10];
        int[] setOk = new int[10];
        int[] confident = new int[4]; // all n, all ok, settled n, settled ok
        int totalSwitches = 0;
        for (TickRow r : rows) {
            if (r.isSwitch()) {
                totalSwitches++;
            }
        }
        for (Phase p : phases) {
            long from = p.startMs();
            for (TickRow r : rows) {
                if (p.contains(r.tMs()) && quiet.test(r.tMs())) {
                    from = r.tMs() == firstTick(rows, p) ? p.startMs() : r.tMs();
                    break;
                }
            }
            int ticks = 0;
            int settled = 0;
            int correct = 0;
            long reaction = -1;
            long confidentReaction = -1;
            int switches = 0;
            double confSum = 0;
            double maxConf = 0;
            int contaminated = 0;
            TreeMap<String, Integer> verdicts = new TreeMap<>();
            for (TickRow r : rows) {
                if (!p.contains(r.tMs())) {
                    continue;
                }
                ticks++;
                boolean right = r.workload().equals(p.label());
                long since = r.tMs() - p.startMs();
                if (r.isSwitch()) {
                    switches++;
                }
                if (r.tMs() >= from && right && reaction < 0) {
                    reaction = r.tMs() - from;
                }
                if (r.tMs() >= from && right && confidentReaction < 0 && r.confidence() >= o.minConfidence()) {
                    confidentReaction = r.tMs() - from;
                }
                if (!clean.test(r.tMs())) {
                    if (since >= o.settleMs()) {
                        contaminated++;
                    }
                    continue;
                }
                boolean isSettled = since >= o.settleMs();
                if (isSettled) {
                    settled++;
                    confSum += r.confidence();
                    maxConf = Math.max(maxConf, r.confidence());
                    verdicts.merge(r.workload(), 1, Integer::sum);
                    if (right) {
                        correct++;
                    }
                }
                if (!p.isBursty() && r.tMs() >= o.warmupMs()) {
                    int b = Math.min(9, (int) Math.floor(r.confidence() * 10));
                    allN[b]++;
                    allOk[b] += right ? 1 : 0;
                    if (r.confidence() >= o.minConfidence()) {
                        confident[0]++;
                        confident[1] += right ? 1 : 0;
                    }
                    if (isSettled) {
                        setN[b]++;
                        setOk[b] += right ? 1 : 0;
                        if (r.confidence() >= o.minConfidence()) {
                            confident[2]++;
                            confident[3] += right ? 1 : 0;
                        }
                    }
                }
            }
            double accuracy = p.isBursty() || settled == 0 ? Double.NaN : (double) correct / settled;
            scores.add(new PhaseScore(p, ticks, settled, correct, accuracy, p.isBursty() ? -1 : reaction,
                    p.isBursty() ? -1 : confidentReaction, switches, Collections.unmodifiableSortedMap(verdicts),
                    settled == 0 ? Double.NaN : confSum / settled, maxConf, contaminated, from - p.startMs()));
            confusion.computeIfAbsent(p.label(), k -> new TreeMap<>());
            verdicts.forEach((k, v) -> confusion.get(p.label()).merge(k, v, Integer::sum));
        }
        return new Report(o, List.copyOf(scores), confusion, calibration(allN, allOk, confident[0], confident[1]),
                calibration(setN, setOk, confident[2], confident[3]), totalSwitches);
    }

    private static long firstTick(List<TickRow> rows, Phase p) {
        for (TickRow r : rows) {
            if (p.contains(r.tMs())) {
                return r.tMs();
            }
        }
        return -1;
    }

    private static Calibration calibration(int[] n, int[] ok, int confidentN, int confidentOk) {
        List<Bucket> buckets = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            buckets.add(new Bucket(b / 10.0, (b + 1) / 10.0, n[b], ok[b]));
        }
        return new Calibration(List.copyOf(buckets), confidentN, confidentOk);
    }

    /** The report as Markdown tables. */
    public static String render(Report r) {
        StringBuilder s = new StringBuilder();
        Options o = r.options();
        s.append(String.format(Locale.ROOT, "Settle %ds after each phase start; confident = confidence >= %.2f; "
                + "contaminated = settled ticks left out because other processes disturbed their window.%n%n",
                o.settleMs() / 1000, o.minConfidence()));
        s.append("| phase | ticks | settled accuracy | modal verdict | mean conf | reaction | confident reaction | switches | contaminated |\n");
        s.append("|---|---:|---:|---|---:|---:|---:|---:|---:|\n");
        for (PhaseScore p : r.phases()) {
            String acc = p.phase().isBursty() ? "n/a (no-switch phase)"
                    : String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100 * p.accuracy(), p.settledCorrect(), p.settledTicks());
            String acc2 = p.settledTicks() == 0 && !p.phase().isBursty() ? "- (0 clean ticks)" : acc;
            s.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.2f | %s | %s | %d | %d |%n", p.phase().title(),
                    p.ticks(), acc2, p.modalVerdict(), p.meanSettledConfidence(), secs(p.reactionMs(), p.phase()) + from(p),
                    secs(p.confidentReactionMs(), p.phase()), p.switches(), p.contaminatedTicks()));
        }
        s.append(String.format(Locale.ROOT, "%nOverall settled accuracy (labelled phases): %.1f%%; switches in the whole capture: %d%n",
                100 * r.overallAccuracy(), r.totalSwitches()));
        for (PhaseScore p : r.phases()) {
            if (p.phase().isBursty()) {
                s.append(String.format(Locale.ROOT, "Bursty phase: %d switch(es); settled verdicts %s, max confidence %.2f%n",
                        p.switches(), p.settledVerdicts(), p.maxConfidence()));
            }
        }
        s.append("\nConfusion matrix (settled ticks; rows: phase label, columns: verdict)\n\n");
        List<String> cols = new ArrayList<>();
        r.confusion().values().forEach(m -> m.keySet().forEach(k -> {
            if (!cols.contains(k)) {
                cols.add(k);
            }
        }));
        cols.sort(null);
        s.append("| phase \\ verdict |");
        cols.forEach(c -> s.append(' ').append(c).append(" |"));
        s.append("\n|---|");
        cols.forEach(c -> s.append("---:|"));
        s.append('\n');
        r.confusion().forEach((label, m) -> {
            s.append("| ").append(label).append(" |");
            cols.forEach(c -> s.append(' ').append(m.getOrDefault(c, 0)).append(" |"));
            s.append('\n');
        });
        s.append("\nCalibration (labelled phases; all = every tick after the warm-up, transitions included)\n\n");
        s.append("| confidence | all: n | all: right | settled: n | settled: right |\n|---|---:|---:|---:|---:|\n");
        for (int b = 0; b < 10; b++) {
            Bucket a = r.calibrationAll().buckets().get(b);
            Bucket st = r.calibrationSettled().buckets().get(b);
            s.append(String.format(Locale.ROOT, "| %.1f-%.1f | %d | %s | %d | %s |%n", a.lo(), a.hi(), a.n(),
                    pct(a.accuracy()), st.n(), pct(st.accuracy())));
        }
        s.append(String.format(Locale.ROOT, "| >= %.2f | %d | %s | %d | %s |%n", o.minConfidence(),
                r.calibrationAll().confidentN(), pct(r.calibrationAll().confidentAccuracy()),
                r.calibrationSettled().confidentN(), pct(r.calibrationSettled().confidentAccuracy())));
        return s.toString();
    }

    private static String from(PhaseScore p) {
        return p.reactionFromMs() == 0 || p.phase().isBursty() ? ""
                : String.format(Locale.ROOT, " (from +%.0fs, when others left)", p.reactionFromMs() / 1000.0);
    }

    private static String secs(long ms, Phase p) {
        if (p.isBursty()) {
            return "n/a";
        }
        return ms < 0 ? "never" : String.format(Locale.ROOT, "%.0fs", ms / 1000.0);
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
