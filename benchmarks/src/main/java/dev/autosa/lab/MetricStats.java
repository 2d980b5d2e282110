// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.lab;

import dev.autosa.api.MetricKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-phase statistics of every metric key in a replay (mean and percentiles over the phase's
 * settled ticks): the evidence the classifier's thresholds are chosen from.
 */
public final class MetricStats {

    private MetricStats() {
    }

    /** Renders, per phase, one line per key: n, mean, p10, p50, p90, max. */
    public static String render(CaptureReplay.Result replay, List<Phase> phases, long settleMs) {
        StringBuilder s = new StringBuilder();
        for (Phase p : phases) {
            Map<String, List<Double>> values = new TreeMap<>();
            for (int i = 0; i < replay.samples().size(); i++) {
                long t = replay.sampleMs().get(i);
                if (p.contains(t) && t - p.startMs() >= settleMs) {
                    for (Map.Entry<MetricKey, Double> e : replay.samples().get(i).entrySet()) {
                        values.computeIfAbsent(e.getKey().name(), k -> new ArrayList<>()).add(e.getValue());
                    }
                }
            }
            s.append(String.format(Locale.ROOT, "%n## %s (%d..%d ms, settled ticks from +%ds)%n%n", p.title(),
                    p.startMs(), p.endMs(), settleMs / 1000));
            s.append("| key | n | mean | p10 | p50 | p90 | max |\n|---|---:|---:|---:|---:|---:|---:|\n");
            for (Map.Entry<String, List<Double>> e : values.entrySet()) {
                double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double mean = Arrays.stream(v).average().orElse(Double.NaN);
                s.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", e.getKey(), v.length,
                        num(mean), num(pct(v, 10)), num(pct(v, 50)), num(pct(v, 90)), num(v[v.length - 1])));
            }
        }
        return s.toString();
    }

    /** Nearest-rank percentile of sorted values. */
    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return a >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
