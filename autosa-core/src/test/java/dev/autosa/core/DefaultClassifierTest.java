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
        assertThat(c.reasons()).containsExactly("cpu busy > 70% for 60 of 60 ticks (mean 97%)", "iowait mean 0% < 10%");
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
}
