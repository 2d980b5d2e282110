// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Several captures' reports in one place: a per-capture, per-phase table against the lab targets
 * and the confusion matrix of all their settled ticks together ({@code lab/score.sh --summary}).
 */
final class Summary {

    /** One capture's report, with its machine size. */
    record Entry(String capture, int cpus, Scorer.Report report) {
    }

    private Summary() {
    }

    static String render(List<Entry> entries) {
        StringBuilder s = new StringBuilder();
        s.append("| capture | cpus | phase | settled accuracy | reaction | switches | contaminated |\n");
        s.append("|---|---:|---|---:|---:|---:|---:|\n");
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        int n = 0;
        int ok = 0;
        for (Entry e : entries) {
            for (Scorer.PhaseScore p : e.report().phases()) {
                String acc = p.phase().isBursty() ? "n/a (bursty: " + p.settledVerdicts() + ")"
                        : p.settledTicks() == 0 ? "- (0 clean ticks)"
                        : String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100 * p.accuracy(), p.settledCorrect(), p.settledTicks());
                String reaction = p.phase().isBursty() ? "n/a" : p.reactionMs() < 0 ? "never" : p.reactionMs() / 1000 + "s";
                s.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %d | %d |%n", e.capture(), e.cpus(),
                        p.phase().title(), acc, reaction, p.switches(), p.contaminatedTicks()));
                if (!p.phase().isBursty()) {
                    n += p.settledTicks();
                    ok += p.settledCorrect();
                }
            }
            e.report().confusion().forEach((label, verdicts) -> verdicts.forEach((v, c) ->
                    confusion.computeIfAbsent(label, k -> new TreeMap<>()).merge(v, c, Integer::sum)));
        }
        s.append(String.format(Locale.ROOT, "%nSettled accuracy over all labelled phases: %.1f%% (%d/%d)%n", 100.0 * ok / n, ok, n));
        s.append("\nConfusion matrix of all these captures (settled ticks; rows: phase label, columns: verdict)\n\n");
        List<String> cols = new ArrayList<>();
        confusion.values().forEach(m -> m.keySet().forEach(k -> {
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
        confusion.forEach((label, verdicts) -> {
            s.append("| ").append(label).append(" |");
            cols.forEach(c -> s.append(' ').append(verdicts.getOrDefault(c, 0)).append(" |"));
            s.append('\n');
        });
        return s.toString();
    }
}
