// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Thresholds as data: defaults per CPU count, checked overrides that survive a change of machine. */
class ThresholdsTest {

    @Test
    void defaultsScaleWithTheCpuCountWhereTheMachinesSizeMatters() {
        assertThat(Thresholds.forCpus(2).get(Threshold.IDLE_BUSY_CPUS)).isEqualTo(0.25);
        assertThat(Thresholds.forCpus(256).get(Threshold.IDLE_BUSY_CPUS)).isEqualTo(5.12);
        assertThat(Thresholds.forCpus(2).get(Threshold.CPU_BUSY_CPUS)).isEqualTo(0.75);
        assertThat(Thresholds.forCpus(64).get(Threshold.CPU_BUSY_CPUS)).isEqualTo(3.2);
        // Per-CPU rates and shares need no scaling.
        assertThat(Thresholds.forCpus(256).get(Threshold.CTX_SWITCHES_PER_CPU))
                .isEqualTo(Thresholds.forCpus(2).get(Threshold.CTX_SWITCHES_PER_CPU));
    }

    @Test
    void overridesAreCheckedAndKeptOnAnotherMachine() {
        Thresholds t = Thresholds.forCpus(2).with(Threshold.PSI_MEM_SOME, 0.2);
        assertThat(t.isOverridden(Threshold.PSI_MEM_SOME)).isTrue();
        assertThat(t.isOverridden(Threshold.IDLE_BUSY_CPUS)).isFalse();
        Thresholds big = t.forMachineWith(128);
        assertThat(big.get(Threshold.PSI_MEM_SOME)).isEqualTo(0.2);
        assertThat(big.get(Threshold.IDLE_BUSY_CPUS)).isEqualTo(Threshold.IDLE_BUSY_CPUS.defaultFor(128));
        assertThat(t.forMachineWith(2)).isSameAs(t);
        assertThat(Thresholds.forCpus(2)).isNotEqualTo(t).isEqualTo(Thresholds.forCpus(2));
    }

    @Test
    void badValuesAndKeysAreNamed() {
        assertThatThrownBy(() -> Thresholds.forCpus(2).with(Threshold.IO_UTIL, 1.5))
                .hasMessage("threshold io_util must be in [0, 1] but was 1.5");
        assertThatThrownBy(() -> Thresholds.forCpus(2).with(Threshold.MAX_RUN_MICROS, -1))
                .hasMessage("threshold max_run_micros must be in [0, inf] but was -1");
        assertThatThrownBy(() -> Thresholds.forCpus(0)).hasMessage("cpus must be at least 1 but was 0");
        assertThat(Threshold.ofKey("psi_mem_some")).isEqualTo(Threshold.PSI_MEM_SOME);
        assertThatThrownBy(() -> Threshold.ofKey("ctx")).hasMessageStartingWith("unknown threshold \"ctx\"; known: idle_busy_cpus, ");
    }
}
