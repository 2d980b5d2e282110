// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.Classification;
import dev.autosa.api.RefiningClassifier;
import dev.autosa.api.WindowView;
import dev.autosa.api.Workload;
import dev.autosa.api.WorkloadClassifier;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the engine promises classifiers: one call per sampled tick, machine facts, refining composes. */
class ClassifierContractTest {

    private final AtomicLong now = new AtomicLong(Instant.parse("2026-11-30T12:00:00Z").toEpochMilli());
    private final InstantSource clock = () -> Instant.ofEpochMilli(now.getAndAdd(1_000));

    /** Records the sequence and machine of every call. */
    private static final class Recording implements WorkloadClassifier {
        final List<Long> sequences = new ArrayList<>();
        final List<Integer> cpus = new ArrayList<>();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public int priority() {
            return 1;
        }

        @Override
        public Classification classify(WindowView window) {
            sequences.add(window.sequence());
            cpus.add(window.machine().cpus());
            return Classification.of(Workload.IDLE, 0.1, "recorded");
        }
    }

    @Test
    void eachSampledTickIsClassifiedOnceAndAFailedSampleNotAtAll() {
        ScriptedSource source = new ScriptedSource().then("cpu", 10, ScriptedSource.CPU);
        Recording recording = new Recording();
        try (AutoSA a = AutoSA.builder().metricSource(source).classifier(recording).clock(clock)
                .controller(new SimulatedController()).build()) {
            a.tick();
            a.tick();
            source.failNextSample();
            a.tick();
            a.tick();
        }
        assertThat(recording.sequences).containsExactly(1L, 2L, 3L);
        assertThat(recording.cpus).containsOnly(ScriptedSource.MACHINE.cpus());
    }

    @Test
    void aRefiningClassifierGetsTheDefaultsVerdictForEveryTickAndMayChangeOneClass() {
        Workload batch = Workload.of("batch");
        List<Workload> seen = new ArrayList<>();
        RefiningClassifier refiner = new RefiningClassifier() {
            @Override
            public String name() {
                return "batch";
            }

            @Override
            public int priority() {
                return 10;
            }

            @Override
            public Classification refine(WindowView window, Classification byDefault) {
                seen.add(byDefault.workload());
                return byDefault.workload().equals(Workload.CPU_BOUND)
                        ? new Classification(batch, byDefault.confidence(), byDefault.reasons()) : byDefault;
            }
        };
        ScriptedSource source = new ScriptedSource().then("idle", 60, ScriptedSource.IDLE).then("cpu", 60, ScriptedSource.CPU);
        Classification last = null;
        Classification idle = null;
        try (AutoSA a = AutoSA.builder().metricSource(source).classifier(refiner).clock(clock)
                .controller(new SimulatedController()).build()) {
            for (int i = 0; i < 120; i++) {
                last = a.tick().classification();
                if (i == 59) {
                    idle = last;
                }
            }
        }
        assertThat(seen).hasSize(120);
        assertThat(idle.workload()).isEqualTo(Workload.IDLE);
        assertThat(last.workload()).isEqualTo(batch);
        assertThat(last.confidence()).isEqualTo(1.0);
    }

    @Test
    void thresholdsGivenToTheBuilderReachTheDefaultClassifier() {
        Thresholds t = Thresholds.ofDefaults().with(Threshold.IDLE_BUSY_CPUS, 0.01);
        ScriptedSource source = new ScriptedSource().then("idle", 60, ScriptedSource.IDLE);
        Classification c = null;
        try (AutoSA a = AutoSA.builder().metricSource(source).thresholds(t).clock(clock)
                .controller(new SimulatedController()).build()) {
            for (int i = 0; i < 60; i++) {
                c = a.tick().classification();
            }
        }
        // 0.06 busy CPUs are not below 0.01: no tick counts as idle any more, so no class has any score.
        assertThat(c.confidence()).isZero();
    }
}
