// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.Decision;
import dev.autosa.api.Workload;
import dev.autosa.core.AutoSA;
import dev.autosa.core.Mode;
import dev.autosa.core.SimulatedController;
import dev.autosa.examples.ConstantSource;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The example plug-in through the real engine: it refines a saturated cpu-bound window and passes the rest on. */
class NightlyBatchClassifierTest {

    private static Decision run(double busy, int ticks) {
        AtomicLong now = new AtomicLong(Instant.parse("2026-11-30T23:00:00Z").toEpochMilli());
        InstantSource clock = () -> Instant.ofEpochMilli(now.getAndAdd(1_000));
        try (AutoSA autosa = AutoSA.builder().metricSource(new ConstantSource(busy)).clock(clock)
                .classifier(new NightlyBatchClassifier()).controller(new SimulatedController())
                .mode(Mode.RECOMMEND).build()) {
            Decision d = null;
            for (int i = 0; i < ticks; i++) {
                d = autosa.tick();
            }
            assertThat(autosa.status().providers()).containsEntry("classifier", "nightly-batch");
            return d;
        }
    }

    @Test
    void aSaturatedCpuBoundWindowIsANightlyBatch() {
        Decision d = run(0.97, 60);
        assertThat(d.classification().workload()).isEqualTo(NightlyBatchClassifier.NIGHTLY_BATCH);
        assertThat(d.classification().confidence()).isEqualTo(1.0);
        assertThat(d.classification().reasons()).first().asString().startsWith("at least 0.75 busy cpus");
        assertThat(d.classification().reasons()).last().asString().isEqualTo(
                "nightly batch: cpu busy mean 97% > 90% over 60 of 60 ticks");
    }

    @Test
    void otherVerdictsAndShortWindowsAreTheDefaults() {
        // 80% busy is cpu-bound for the default, but not saturated: no batch.
        assertThat(run(0.80, 60).classification().workload()).isEqualTo(Workload.CPU_BOUND);
        assertThat(run(0.01, 60).classification().workload()).isEqualTo(Workload.IDLE);
        // Saturated, but for fewer than half of the window's ticks.
        assertThat(run(0.97, 20).classification().workload()).isEqualTo(Workload.CPU_BOUND);
    }
}
