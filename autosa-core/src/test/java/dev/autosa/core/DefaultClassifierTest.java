// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.Classification;
import dev.autosa.api.MetricKey;
import dev.autosa.api.Workload;
import dev.autosa.core.internal.SlidingWindow;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules on windows with known content: verdict, confidence and the words of the reasons. */
class DefaultClassifierTest {

    private final DefaultClassifier classifier = new DefaultClassifier();

    private static SlidingWindow windowOf(int ticks, Map<MetricKey, Double> values) {
        SlidingWindow w = new SlidingWindow(60, Duration.ofSeconds(1));
        for (int i = 0; i < ticks; i++) {
            w.beginTick();
            values.forEach(w::put);
            w.commitTick();
        }
        return w;
    }

    @Test
    void steadyCpuLoadIsCpuBoundWithFullConfidence() {
        Classification c = classifier.classify(windowOf(60, ScriptedSource.CPU));
        assertThat(c.workload()).isEqualTo(Workload.CPU_BOUND);
        assertThat(c.confidence()).isEqualTo(1.0);
        assertThat(c.reasons()).containsExactly("cpu busy > 70% for 60 of 60 ticks", "iowait mean below 10%");
    }

    @Test
    void eachStandardWorkloadIsRecognized() {
        assertThat(classifier.classify(windowOf(60, ScriptedSource.IDLE)).workload()).isEqualTo(Workload.IDLE);
        assertThat(classifier.classify(windowOf(60, ScriptedSource.IO)).workload()).isEqualTo(Workload.IO_BOUND);
        assertThat(classifier.classify(windowOf(60, ScriptedSource.LATENCY)).workload())
                .isEqualTo(Workload.LATENCY_SENSITIVE);
        Map<MetricKey, Double> mixed = ScriptedSource.profile(0.75, 0.25, 0.8, 3_000);
        assertThat(classifier.classify(windowOf(60, mixed)).workload()).isEqualTo(Workload.MIXED);
        Map<MetricKey, Double> memory = new java.util.HashMap<>(ScriptedSource.profile(0.9, 0.0, 0.0, 1_000));
        memory.put(MetricKey.PSI_MEM_SOME, 0.35);
        Classification m = classifier.classify(windowOf(60, memory));
        assertThat(m.workload()).isEqualTo(Workload.MEMORY_BOUND);
        assertThat(m.confidence()).isEqualTo(1.0);
    }

    @Test
    void halfCpuThenHalfIoIsMixedButNotConfident() {
        SlidingWindow w = windowOf(30, ScriptedSource.CPU);
        for (int i = 0; i < 30; i++) {
            w.beginTick();
            ScriptedSource.IO.forEach(w::put);
            w.commitTick();
        }
        Classification c = classifier.classify(w);
        // Mean iowait 17.5% rules out cpu-bound, mean cpu 56% rules out io-bound; only half the ticks
        // show both signals, so "mixed" wins at 0.50, well below the 0.7 that allows a switch.
        assertThat(c.workload()).isEqualTo(Workload.MIXED);
        assertThat(c.confidence()).isEqualTo(0.5);
    }

    @Test
    void theSameWindowGivesTheSameInstance() {
        SlidingWindow w = windowOf(60, ScriptedSource.CPU);
        Classification first = classifier.classify(w);
        assertThat(classifier.classify(w)).isSameAs(first);
    }

    @Test
    void anEmptyWindowIsIdleWithNoConfidence() {
        Classification c = classifier.classify(new SlidingWindow(10, Duration.ofSeconds(1)));
        assertThat(c.confidence()).isZero();
    }

    /** Classifies after every tick, as the engine does. */
    private Classification tick(SlidingWindow w, Map<MetricKey, Double> values) {
        w.beginTick();
        values.forEach(w::put);
        w.commitTick();
        return classifier.classify(w);
    }

    @Test
    void followingTheWindowTickByTickScoresTheRecentTwoThirds() {
        SlidingWindow w = new SlidingWindow(60, Duration.ofSeconds(1));
        for (int i = 0; i < 60; i++) {
            tick(w, ScriptedSource.IDLE);
        }
        Classification c = null;
        for (int i = 1; i <= 40; i++) {
            c = tick(w, ScriptedSource.CPU);
            if (i == 20) {
                // Half of the 40 scored ticks are busy: cpu-bound leads, idle is ruled out (>20% busy).
                assertThat(c.workload()).isEqualTo(Workload.CPU_BOUND);
                assertThat(c.confidence()).isEqualTo(0.5);
            }
        }
        // 40 busy ticks fill the scored part: fully confident although 20 idle ticks remain in the window.
        assertThat(c.workload()).isEqualTo(Workload.CPU_BOUND);
        assertThat(c.confidence()).isEqualTo(1.0);
        assertThat(c.reasons()).containsExactly("cpu busy > 70% for 40 of 40 ticks", "iowait mean below 10%");
    }

    @Test
    void aRepeatedCallForTheSameTickCountsItOnce() {
        SlidingWindow w = new SlidingWindow(60, Duration.ofSeconds(1));
        for (int i = 0; i < 60; i++) {
            tick(w, ScriptedSource.IDLE);
        }
        Classification once = tick(w, ScriptedSource.CPU);
        for (int i = 0; i < 10; i++) {
            assertThat(classifier.classify(w)).isSameAs(once);
        }
        assertThat(once.reasons()).anyMatch(r -> r.startsWith("runner-up cpu-bound for 1 of 40 ticks"));
    }

    @Test
    void aTickWithoutCpuReadingIsNotIdle() {
        SlidingWindow w = new SlidingWindow(60, Duration.ofSeconds(1));
        // The first sample has no rates: only gauges such as memory use.
        Classification first = tick(w, Map.of(MetricKey.MEM_USED_FRACTION, 0.3));
        assertThat(first.confidence()).isZero();
    }
}
