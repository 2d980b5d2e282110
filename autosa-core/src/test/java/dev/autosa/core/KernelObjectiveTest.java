// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autosa.api.Objective;
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
}
