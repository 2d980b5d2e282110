// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.Classification;
import dev.autosa.api.MetricKey;
import dev.autosa.api.Workload;
import dev.autosa.core.internal.SlidingWindow;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules on the production path: a 60-tick window that the engine's loop fills one tick at a
 * time, classified once per tick, on machines of 2 to 256 CPUs with the workloads scaled to each.
 */
class DefaultClassifierTest {

    private final DefaultClassifier classifier = new DefaultClassifier();

    /** Runs {@code ticks} ticks of {@code values} through a window on {@code m}, classifying after each. */
    private Classification run(SlidingWindow w, SyntheticMachine m, int ticks, Map<MetricKey, Double> values) {
        Classification c = null;
        for (int i = 0; i < ticks; i++) {
            c = tick(w, m, values);
        }
        return c;
    }

    /** One tick as the engine does it: sample into the window, machine facts, classify once. */
    private Classification tick(SlidingWindow w, SyntheticMachine m, Map<MetricKey, Double> values) {
        w.beginTick();
        values.forEach(w::put);
        w.commitTick();
        w.machine(m.facts());
        return classifier.classify(w);
    }

    private static SlidingWindow window() {
        return new SlidingWindow(60, Duration.ofSeconds(1));
    }

    private Classification steady(int cpus, Function<SyntheticMachine, Map<MetricKey, Double>> workload) {
        SyntheticMachine m = new SyntheticMachine(cpus);
        return run(window(), m, 60, workload.apply(m));
    }

    @ParameterizedTest(name = "{0} cpus")
    @ValueSource(ints = {2, 4, 8, 64, 256})
    void anIdleMachineIsIdle(int cpus) {
        Classification c = steady(cpus, SyntheticMachine::idle);
        assertThat(c.workload()).isEqualTo(Workload.IDLE);
        assertThat(c.confidence()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0} cpus")
    @ValueSource(ints = {2, 4, 8, 64, 256})
    void oneCpuBoundThreadIsCpuBoundOnAnyMachine(int cpus) {
        Classification c = steady(cpus, m -> m.cpuThreads(1));
        assertThat(c.workload()).isEqualTo(Workload.CPU_BOUND);
        assertThat(c.confidence()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0} cpus")
    @ValueSource(ints = {2, 4, 8, 64, 256})
    void aFewCpuBoundThreadsAndAFullMachineAreCpuBound(int cpus) {
        assertThat(steady(cpus, m -> m.cpuThreads(Math.min(cpus, 6))).workload()).isEqualTo(Workload.CPU_BOUND);
        // A parallel build: every CPU busy, 1,500 switches/s per CPU (96,000/s on 64 CPUs, 384,000/s on
        // 256), each after ~670 µs of CPU: not the short wake-ups of a service.
        Classification c = steady(cpus, SyntheticMachine::allCpusBusy);
        assertThat(c.workload()).isEqualTo(Workload.CPU_BOUND);
        assertThat(c.confidence()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0} cpus")
    @ValueSource(ints = {2, 4, 8, 64, 256})
    void aServiceWithManyShortWakeUpsIsLatencySensitiveAtLowUtilisation(int cpus) {
        Classification c = steady(cpus, SyntheticMachine::service);
        assertThat(c.workload()).isEqualTo(Workload.LATENCY_SENSITIVE);
        assertThat(c.confidence()).isEqualTo(1.0);
        assertThat(c.reasons()).containsExactly(
                "short wake-ups (over 800 context switches/s per cpu, under 300 us of cpu each) for 40 of 40 ticks");
    }

    @ParameterizedTest(name = "{0} cpus")
    @ValueSource(ints = {2, 4, 8, 64, 256})
    void aServiceBesideOneBusyThreadIsLatencySensitive(int cpus) {
        // On 2 CPUs the busy thread is half the machine: ~450 us of CPU per switch on average, but the
        // other CPU runs the service's wake-ups for ~40 us each (the host's nginx and jvm phases).
        Classification c = steady(cpus, SyntheticMachine::serviceBesideOneBusyThread);
        assertThat(c.workload()).isEqualTo(Workload.LATENCY_SENSITIVE);
        assertThat(c.confidence()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0} cpus")
    @ValueSource(ints = {2, 4, 8, 64, 256})
    void diskWaitIsIoBoundAndWithBusyCpusMixed(int cpus) {
        assertThat(steady(cpus, SyntheticMachine::diskWait).workload()).isEqualTo(Workload.IO_BOUND);
        assertThat(steady(cpus, SyntheticMachine::cpuAndDisk).workload()).isEqualTo(Workload.MIXED);
    }

    @ParameterizedTest(name = "{0} cpus")
    @ValueSource(ints = {2, 4, 8, 64, 256})
    void memoryBoundNeedsStallsNotABusyAllocator(int cpus) {
        Classification stalls = steady(cpus, SyntheticMachine::memoryStalls);
        assertThat(stalls.workload()).isEqualTo(Workload.MEMORY_BOUND);
        assertThat(stalls.confidence()).isEqualTo(1.0);
        assertThat(steady(cpus, SyntheticMachine::busyAllocator).workload()).isEqualTo(Workload.CPU_BOUND);
    }

    @ParameterizedTest(name = "{0} cpus")
    @ValueSource(ints = {2, 4, 8, 64, 256})
    void burstsOfFullCpuNeverReachTheSwitchThreshold(int cpus) {
        SyntheticMachine m = new SyntheticMachine(cpus);
        SlidingWindow w = window();
        run(w, m, 60, m.idle());
        double max = 0;
        for (int cycle = 0; cycle < 10; cycle++) {
            for (int i = 0; i < 20; i++) {
                Classification c = tick(w, m, i < 5 ? m.allCpusBusy() : m.idle());
                if (cycle >= 2) {
                    // Once the bursts fill the scored ticks: 10 of 40 busy, too many to be idle, too few to act on.
                    max = Math.max(max, c.confidence());
                    assertThat(c.workload()).isEqualTo(Workload.CPU_BOUND);
                }
            }
        }
        assertThat(max).isEqualTo(0.25);
    }

    @ParameterizedTest(name = "{0} cpus")
    @ValueSource(ints = {2, 4, 8, 64, 256})
    void thresholdsFollowTheMachinesCpuCount(int cpus) {
        steady(cpus, SyntheticMachine::idle);
        assertThat(classifier.thresholds()).isEqualTo(Thresholds.forCpus(cpus));
    }

    @Test
    void aChangeIsRecognizedFromTheRecentTwoThirdsOfTheWindow() {
        SyntheticMachine m = new SyntheticMachine(8);
        SlidingWindow w = window();
        run(w, m, 60, m.idle());
        Classification half = run(w, m, 20, m.cpuThreads(1));
        // Half of the 40 scored ticks are busy: cpu-bound leads, idle is ruled out (more than 20% busy).
        assertThat(half.workload()).isEqualTo(Workload.CPU_BOUND);
        assertThat(half.confidence()).isEqualTo(0.5);
        Classification full = run(w, m, 20, m.cpuThreads(1));
        assertThat(full.confidence()).isEqualTo(1.0);
        assertThat(full.reasons()).containsExactly("at least 0.75 busy cpus or a cpu over 75% busy for 40 of 40 ticks");
    }

    @Test
    void halfCpuHalfServiceIsNotConfident() {
        SyntheticMachine m = new SyntheticMachine(4);
        SlidingWindow w = window();
        Classification c = null;
        for (int i = 0; i < 60; i++) {
            c = tick(w, m, i % 2 == 0 ? m.allCpusBusy() : m.service());
        }
        assertThat(c.workload()).isIn(Workload.CPU_BOUND, Workload.LATENCY_SENSITIVE);
        assertThat(c.confidence()).isEqualTo(0.38);
    }

    @Test
    void aRepeatedCallForTheSameTickCountsItOnceAndReturnsTheSameInstance() {
        SyntheticMachine m = new SyntheticMachine(2);
        SlidingWindow w = window();
        run(w, m, 60, m.idle());
        Classification once = tick(w, m, m.cpuThreads(1));
        for (int i = 0; i < 10; i++) {
            assertThat(classifier.classify(w)).isSameAs(once);
        }
        assertThat(once.reasons()).contains("runner-up cpu-bound for 1 of 40 ticks");
    }

    @Test
    void givenThresholdsWinAndTheRestFollowTheMachine() {
        DefaultClassifier strict = new DefaultClassifier(Thresholds.forCpus(2).with(Threshold.CTX_SWITCHES_PER_CPU, 5_000));
        SyntheticMachine m = new SyntheticMachine(64);
        SlidingWindow w = window();
        Classification c = null;
        for (int i = 0; i < 60; i++) {
            w.beginTick();
            m.service().forEach(w::put);
            w.commitTick();
            w.machine(m.facts());
            c = strict.classify(w);
        }
        // 3,000 switches/s per CPU are below the 5,000 set: the service is not latency-sensitive here.
        assertThat(c.workload()).isNotEqualTo(Workload.LATENCY_SENSITIVE);
        assertThat(strict.thresholds().get(Threshold.CTX_SWITCHES_PER_CPU)).isEqualTo(5_000);
        assertThat(strict.thresholds().get(Threshold.IDLE_BUSY_CPUS)).isEqualTo(Threshold.IDLE_BUSY_CPUS.defaultFor(64));
    }

    @Test
    void windowsWithoutPerCpuKeysFallBackToTheWholeMachineOnes() {
        SyntheticMachine m = new SyntheticMachine(8);
        Map<MetricKey, Double> service = new java.util.HashMap<>(m.service());
        service.remove(MetricKey.CPU_BUSY_CPUS);
        service.remove(MetricKey.CPU_BUSIEST);
        service.remove(MetricKey.SCHED_CTX_SWITCHES_PER_CPU);
        assertThat(run(window(), m, 60, service).workload()).isEqualTo(Workload.LATENCY_SENSITIVE);
    }

    @Test
    void aTickWithoutCpuReadingIsNotIdleAndAnEmptyWindowHasNoConfidence() {
        assertThat(classifier.classify(window()).confidence()).isZero();
        // The first sample has no rates: only gauges such as memory use.
        Classification first = tick(window(), new SyntheticMachine(2), Map.of(MetricKey.MEM_USED_FRACTION, 0.3));
        assertThat(first.confidence()).isZero();
    }
}
