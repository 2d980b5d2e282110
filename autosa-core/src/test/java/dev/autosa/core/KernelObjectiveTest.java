// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autosa.api.MachineFacts;
import dev.autosa.api.MetricKey;
import dev.autosa.api.Objective;
import dev.autosa.api.Workload;
import dev.autosa.core.internal.SlidingWindow;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The default objective's formula on the values measured in the sched_ext guest (2 vCPUs). */
class KernelObjectiveTest {

    private final KernelObjective objective = new KernelObjective(2);

    @Test
    void aSchedulerThatIdlesTheMachineLoses() {
        // stress-ng --cpu 2 --cpu-load 90 under the kernel default: PSI some 0.10, run delay 0.2 s/s, busy 0.9.
        double eevdf = objective.contention(0.10, 0.2, 0.9);
        // under scx_cpu0 (every task on CPU 0): PSI some 0.96, run delay 1.85 s/s, CPU 1 idle so busy 0.5.
        double cpu0 = objective.contention(0.96, 1.85, 0.5);
        assertThat(eevdf).isCloseTo(0.222, within(0.001));
        assertThat(cpu0).isCloseTo(3.77, within(0.01));
        // Less waiting because less work got done is not better: half the work, half the waiting.
        assertThat(objective.contention(0.05, 0.1, 0.45)).isCloseTo(eevdf, within(1e-9));
    }

    @Test
    void eitherWaitingTermMayBeMissing() {
        assertThat(objective.contention(0.2, Double.NaN, 0.5)).isCloseTo(0.4, within(1e-9));
        assertThat(objective.contention(Double.NaN, 0.4, 0.5)).isCloseTo(0.4, within(1e-9));
        assertThat(objective.contention(Double.NaN, Double.NaN, 0.5)).isNaN();
        assertThat(objective.contention(0.2, 0.1, Double.NaN)).isNaN();
    }

    @Test
    void anIdleMachineStaysFinite() {
        assertThat(objective.contention(0.0, 0.0, 0.0)).isZero();
        assertThat(objective.contention(0.01, 0.0, 0.0)).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void describesItselfAndIsDiscovered() {
        assertThat(objective.name()).isEqualTo("cpu contention");
        assertThat(objective.unit()).isEqualTo("wait/work");
        assertThat(objective.direction()).isEqualTo(Objective.Direction.LOWER_IS_BETTER);
        assertThat(ServiceLoader.load(Objective.class).stream().map(ServiceLoader.Provider::type))
                .contains(KernelObjective.class);
        assertThatThrownBy(() -> new KernelObjective(0)).hasMessage("cpus must be at least 1 but was 0");
    }

    @Test
    void cpuBoundWorkIsJudgedByTheWorkDoneAndEverythingElseByContention() {
        Objective cpuBound = objective.forWorkload(Workload.CPU_BOUND);
        assertThat(cpuBound).isInstanceOf(CpuWorkObjective.class);
        assertThat(cpuBound.name()).isEqualTo("cpu work done");
        assertThat(cpuBound.unit()).isEqualTo("busy CPUs");
        assertThat(cpuBound.direction()).isEqualTo(Objective.Direction.HIGHER_IS_BETTER);
        // The same instance every tick (read on the loop thread, no allocation).
        assertThat(objective.forWorkload(new Workload("cpu-bound"))).isSameAs(cpuBound);
        for (Workload w : new Workload[] {Workload.IDLE, Workload.IO_BOUND, Workload.MEMORY_BOUND,
                Workload.LATENCY_SENSITIVE, Workload.MIXED, new Workload("nightly-batch")}) {
            assertThat(objective.forWorkload(w)).as(w.id()).isSameAs(objective);
        }
    }

    @Test
    void theWorkDoneSeparatesTheGuestsSchedulers() {
        // stress-ng --cpu 2 --cpu-load 90 in the sched_ext guest (2 vCPUs): busy share 0.85 under the
        // kernel default and under scx_simple, which only reorders who waits; 0.5 under scx_cpu0, CPU 1 idle.
        Objective work = objective.forWorkload(Workload.CPU_BOUND);
        double eevdf = work.read(window(0.85, 1.70));
        double simple = work.read(window(0.85, 1.70));
        double cpu0 = work.read(window(0.50, 1.00));
        assertThat(simple).isEqualTo(eevdf).isEqualTo(1.70);
        assertThat(cpu0).isEqualTo(1.00);
        // Where the source gives no busy-CPU count, the busy share times the machine's CPUs.
        assertThat(work.read(window(0.5, Double.NaN))).isCloseTo(1.0, within(1e-9));
        // No CPU reading this tick: no value (left out of the comparison, never counted as good or bad).
        assertThat(work.read(window(Double.NaN, Double.NaN))).isNaN();
    }

    private static SlidingWindow window(double busy, double busyCpus) {
        SlidingWindow w = new SlidingWindow(4, Duration.ofSeconds(1));
        w.machine(new MachineFacts(2, 1L << 30, "7.2.13"));
        w.beginTick();
        if (!Double.isNaN(busy)) {
            w.put(MetricKey.CPU_BUSY, busy);
        }
        if (!Double.isNaN(busyCpus)) {
            w.put(MetricKey.CPU_BUSY_CPUS, busyCpus);
        }
        w.commitTick();
        return w;
    }
}
