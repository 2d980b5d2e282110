// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private static final List<Phase> PHASES = List.of(new Phase("idle", 0, 100_000),
            new Phase("cpu-bound", 100_000, 200_000), new Phase("bursty", 200_000, 300_000));

    /** One row per second: idle all along, cpu-bound from t=120 s (at 0.8 from 130 s), one switch at 150 s. */
    private static List<TickRow> rows() {
        List<TickRow> rows = new ArrayList<>();
        for (int s = 0; s < 300; s++) {
            String w = s >= 120 && s < 200 ? "cpu-bound" : "idle";
            double c = s >= 130 && s < 200 ? 0.8 : 0.5;
            String action = s == 150 ? "switch" : s >= 200 && s < 210 ? "hold" : "none";
            rows.add(new TickRow(s * 1000L, w, c, action, null));
        }
        return rows;
    }

    @Test
    void scoresAccuracyReactionAndSwitchesPerPhase() {
        Scorer.Report r = Scorer.score(rows(), PHASES, Scorer.Options.ofDefaults());

        Scorer.PhaseScore idle = r.phase("idle");
        assertThat(idle.settledTicks()).isEqualTo(55);
        assertThat(idle.accuracy()).isEqualTo(1.0);
        assertThat(idle.reactionMs()).isZero();
        assertThat(idle.confidentReactionMs()).isEqualTo(-1);

        Scorer.PhaseScore cpu = r.phase("cpu-bound");
        assertThat(cpu.settledTicks()).isEqualTo(55);
        assertThat(cpu.accuracy()).isEqualTo(1.0);
        assertThat(cpu.reactionMs()).isEqualTo(20_000);
        assertThat(cpu.confidentReactionMs()).isEqualTo(30_000);
        assertThat(cpu.switches()).isEqualTo(1);
        assertThat(cpu.modalVerdict()).isEqualTo("cpu-bound");

        Scorer.PhaseScore bursty = r.phase("bursty");
        assertThat(bursty.accuracy()).isNaN();
        assertThat(bursty.switches()).isZero();
        assertThat(bursty.settledVerdicts()).containsEntry("idle", 55);
        assertThat(bursty.reactionMs()).isEqualTo(-1);

        assertThat(r.overallAccuracy()).isEqualTo(1.0);
        assertThat(r.totalSwitches()).isEqualTo(1);
    }

    @Test
    void confusionCountsSettledTicksOnly() {
        List<TickRow> rows = new ArrayList<>(rows());
        rows.set(160, new TickRow(160_000, "mixed", 0.4, "none", "scx_flash"));
        Scorer.Report r = Scorer.score(rows, PHASES, Scorer.Options.ofDefaults());
        assertThat(r.confusion().get("cpu-bound")).containsEntry("cpu-bound", 54).containsEntry("mixed", 1);
        assertThat(r.phase("cpu-bound").accuracy()).isCloseTo(54 / 55.0, within(1e-9));
        assertThat(r.confusion()).doesNotContainKey("memory-bound");
    }

    @Test
    void calibrationBucketsConfidenceAfterWarmupOutsideBurstyPhases() {
        Scorer.Report r = Scorer.score(rows(), PHASES, Scorer.Options.ofDefaults());
        // After the 30 s warm-up: idle 30..119 at 0.5 (right in idle, wrong in cpu-bound 100..119),
        // cpu-bound 120..129 at 0.5 (right) and 130..199 at 0.8 (right).
        Scorer.Bucket half = r.calibrationAll().buckets().get(5);
        assertThat(half.n()).isEqualTo(70 + 20 + 10);
        assertThat(half.correct()).isEqualTo(70 + 10);
        Scorer.Bucket high = r.calibrationAll().buckets().get(8);
        assertThat(high.n()).isEqualTo(70);
        assertThat(high.accuracy()).isEqualTo(1.0);
        assertThat(r.calibrationAll().confidentN()).isEqualTo(70);
        assertThat(r.calibrationAll().confidentAccuracy()).isEqualTo(1.0);
        // Settled only: idle 45..99, cpu-bound 145..199 (all 0.8).
        assertThat(r.calibrationSettled().buckets().get(5).n()).isEqualTo(55);
        assertThat(r.calibrationSettled().buckets().get(8).n()).isEqualTo(55);
    }

    @Test
    void contaminatedTicksAreLeftOutOfAccuracyButNotOfReactionAndSwitches() {
        // Other processes disturbed t = 150..199 s (cpu-bound) and t = 0..29 s.
        Scorer.Report r = Scorer.score(rows(), PHASES, Scorer.Options.ofDefaults(),
                t -> t >= 30_000 && (t < 150_000 || t >= 200_000), t -> true);
        Scorer.PhaseScore cpu = r.phase("cpu-bound");
        assertThat(cpu.settledTicks()).isEqualTo(5);
        assertThat(cpu.contaminatedTicks()).isEqualTo(50);
        assertThat(cpu.reactionMs()).isEqualTo(20_000);
        assertThat(cpu.switches()).isEqualTo(1);
        assertThat(r.phase("idle").contaminatedTicks()).isZero();
        assertThat(r.calibrationAll().buckets().get(8).n()).isEqualTo(20);
    }

    @Test
    void aPhaseThatStartsDisturbedReactsFromWhenTheOthersLeft() {
        // Others went quiet 12 s into the cpu-bound phase; the right verdict came at 20 s.
        Scorer.Report r = Scorer.score(rows(), PHASES, Scorer.Options.ofDefaults(), t -> true,
                t -> t < 100_000 || t >= 112_000);
        assertThat(r.phase("cpu-bound").reactionFromMs()).isEqualTo(12_000);
        assertThat(r.phase("cpu-bound").reactionMs()).isEqualTo(8_000);
        assertThat(r.phase("idle").reactionFromMs()).isZero();
        assertThat(Scorer.render(r)).contains("| 8s (from +12s, when others left) |");
    }

    @Test
    void confidenceOfOneFallsInTheTopBucket() {
        List<TickRow> rows = List.of(new TickRow(50_000, "idle", 1.0, "none", null));
        Scorer.Report r = Scorer.score(rows, PHASES, Scorer.Options.ofDefaults());
        assertThat(r.calibrationAll().buckets().get(9).n()).isEqualTo(1);
    }

    @Test
    void rendersEveryPhaseAndTheCalibrationTable() {
        String text = Scorer.render(Scorer.score(rows(), PHASES, Scorer.Options.ofDefaults()));
        assertThat(text).contains("| cpu-bound | 100 | 100.0% (55/55) | cpu-bound | 0.80 | 20s | 30s | 1 | 0 |")
                .contains("| bursty | 100 | n/a (no-switch phase)")
                .contains("Bursty phase: 0 switch(es)")
                .contains("| >= 0.70 | 70 | 100.0% |");
    }
}
