// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.Classification;
import dev.autosa.api.MetricKey;
import dev.autosa.core.internal.SlidingWindow;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The default classifier words each class's rule once per set of thresholds and reuses the words
 * for every later verdict: the reasons must still be exactly what a classifier that words them
 * afresh writes, also after the machine (and so the thresholds) changed under it.
 */
class ClassifierWordingTest {

    private static Classification tick(DefaultClassifier c, SlidingWindow w, SyntheticMachine m,
            Map<MetricKey, Double> values) {
        w.beginTick();
        values.forEach(w::put);
        w.commitTick();
        w.machine(m.facts());
        return c.classify(w);
    }

    /** A fresh classifier and window that see only {@code workload} on {@code m}: its reasons are worded anew. */
    private static Classification fresh(SyntheticMachine m, Function<SyntheticMachine, Map<MetricKey, Double>> workload,
            int ticks) {
        DefaultClassifier c = new DefaultClassifier();
        SlidingWindow w = new SlidingWindow(60, Duration.ofSeconds(1));
        Classification last = null;
        for (int i = 0; i < ticks; i++) {
            last = tick(c, w, m, workload.apply(m));
        }
        return last;
    }

    @Test
    void reasonsFollowTheThresholdsWhenTheMachineChanges() {
        SyntheticMachine two = new SyntheticMachine(2);
        SyntheticMachine many = new SyntheticMachine(64);
        DefaultClassifier c = new DefaultClassifier();
        SlidingWindow w = new SlidingWindow(60, Duration.ofSeconds(1));
        Classification onTwo = null;
        for (int i = 0; i < 60; i++) {
            onTwo = tick(c, w, two, two.cpuThreads(2));
        }
        assertThat(onTwo.reasons()).isEqualTo(fresh(two, m -> m.cpuThreads(2), 60).reasons());
        Classification onMany = null;
        for (int i = 0; i < 60; i++) {
            onMany = tick(c, w, many, many.allCpusBusy());
        }
        // 64 CPUs need more busy CPUs for cpu-bound than 2: the words quote the new threshold.
        assertThat(onMany.workload()).isEqualTo(onTwo.workload());
        assertThat(onMany.reasons()).isEqualTo(fresh(many, SyntheticMachine::allCpusBusy, 60).reasons());
        assertThat(onMany.reasons().get(0)).isNotEqualTo(onTwo.reasons().get(0));
    }

    @Test
    void everyClassIsWordedAsAFreshClassifierWordsIt() {
        SyntheticMachine m = new SyntheticMachine(8);
        DefaultClassifier c = new DefaultClassifier();
        SlidingWindow w = new SlidingWindow(60, Duration.ofSeconds(1));
        for (Function<SyntheticMachine, Map<MetricKey, Double>> workload : java.util.List.<Function<SyntheticMachine,
                Map<MetricKey, Double>>>of(SyntheticMachine::idle, SyntheticMachine::allCpusBusy, SyntheticMachine::service,
                SyntheticMachine::diskWait, SyntheticMachine::cpuAndDisk, SyntheticMachine::memoryStalls,
                SyntheticMachine::idle)) {
            Classification shared = null;
            for (int i = 0; i < 60; i++) {
                shared = tick(c, w, m, workload.apply(m));
            }
            assertThat(shared.reasons()).isEqualTo(fresh(m, workload, 60).reasons());
        }
    }
}
