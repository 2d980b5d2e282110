// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.Decision;
import dev.autosa.api.Workload;
import dev.autosa.core.AutoSA;
import dev.autosa.core.Mode;
import dev.autosa.core.SimulatedController;
import dev.autosa.examples.ConstantSource;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The example plug-in through the real engine: it refines cpu-bound at night and passes the rest on. */
class NightlyBatchClassifierTest {

    private static Decision run(String startUtc, double busy) {
        AtomicLong now = new AtomicLong(Instant.parse(startUtc).toEpochMilli());
        InstantSource clock = () -> Instant.ofEpochMilli(now.get());
        try (AutoSA autosa = AutoSA.builder().metricSource(new ConstantSource(busy)).clock(clock)
                .classifier(new NightlyBatchClassifier(clock, ZoneOffset.UTC)).controller(new SimulatedController())
                .mode(Mode.RECOMMEND).build()) {
            Decision d = null;
            for (int i = 0; i < 60; i++) {
                d = autosa.tick();
                now.addAndGet(Duration.ofSeconds(1).toMillis());
            }
            assertThat(autosa.status().providers()).containsEntry("classifier", "nightly-batch (refining default-rules)");
            return d;
        }
    }

    @Test
    void aSaturatedNightIsANightlyBatch() {
        Decision d = run("2026-11-30T23:00:00Z", 0.97);
        assertThat(d.classification().workload()).isEqualTo(NightlyBatchClassifier.NIGHTLY_BATCH);
        assertThat(d.classification().confidence()).isEqualTo(1.0);
        assertThat(d.classification().reasons()).last().asString().startsWith("nightly batch: cpu-bound at 23:00:59");
    }

    @Test
    void daytimeAndOtherClassesAreTheDefaultsVerdict() {
        Decision day = run("2026-11-30T12:00:00Z", 0.97);
        assertThat(day.classification().workload()).isEqualTo(Workload.CPU_BOUND);
        assertThat(day.classification().reasons()).noneMatch(r -> r.startsWith("nightly batch"));
        Decision idleNight = run("2026-11-30T23:00:00Z", 0.01);
        assertThat(idleNight.classification().workload()).isEqualTo(Workload.IDLE);
    }
}
