// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.SchedulerSpec;
import dev.autosa.core.SimulatedController;
import org.junit.jupiter.api.Test;

class ManagedControllerTest {

    @Test
    void closePassesTheCallersKeepDecisionOn() throws Exception {
        SimulatedController sim = new SimulatedController();
        ManagedController c = new ManagedController(sim);
        c.activate(SchedulerSpec.of("scx_rusty"));
        c.close(true);
        assertThat(sim.history()).containsExactly("activate scx_rusty", "close keep=true");
        assertThat(sim.current().scheduler()).isEqualTo("scx_rusty");
    }

    @Test
    void closeWithoutKeepRestoresTheKernelDefault() throws Exception {
        SimulatedController sim = new SimulatedController();
        ManagedController c = new ManagedController(sim);
        c.activate(SchedulerSpec.of("scx_lavd"));
        c.close(false);
        assertThat(sim.current().isKernelDefault()).isTrue();
        assertThat(c.name()).isEqualTo("simulated");
        assertThat(c.available()).hasSize(5);
    }
}
