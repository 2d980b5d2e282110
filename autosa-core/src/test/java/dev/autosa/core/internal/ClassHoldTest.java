// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.Classification;
import dev.autosa.api.Workload;
import org.junit.jupiter.api.Test;

class ClassHoldTest {

    private final ClassHold hold = new ClassHold(0.15);

    @Test
    void passesEverythingThroughWhenNothingIsHeld() {
        Classification io = Classification.of(Workload.IO_BOUND, 0.3);
        assertThat(hold.filter(io)).isSameAs(io);
    }

    @Test
    void anotherClassReplacesTheHeldOneOnlyWhenClearlyStronger() {
        hold.hold(Workload.CPU_BOUND, 0.75, "scx_rusty is evaluated");
        Classification cpu = Classification.of(Workload.CPU_BOUND, 0.6);
        assertThat(hold.filter(cpu)).isSameAs(cpu);

        Classification latency = Classification.of(Workload.LATENCY_SENSITIVE, 0.85);
        Classification held = hold.filter(latency);
        assertThat(held.workload()).isEqualTo(Workload.CPU_BOUND);
        assertThat(held.confidence()).isEqualTo(0.75);
        assertThat(held.reasons()).containsExactly(
                "cpu-bound held while scx_rusty is evaluated: latency-sensitive 0.85 is not clearly stronger (needs 0.90)");
        // The same verdict gives the same answer object: nothing is allocated per tick.
        assertThat(hold.filter(latency)).isSameAs(held);
        hold.because("scx_rusty was kept");
        assertThat(hold.filter(latency).reasons().get(0)).startsWith("cpu-bound held while scx_rusty was kept:");

        Classification strong = Classification.of(Workload.LATENCY_SENSITIVE, 0.9);
        assertThat(hold.filter(strong)).isSameAs(strong);
        assertThat(hold.held()).isNull();
        assertThat(hold.filter(latency)).isSameAs(latency);
    }

    @Test
    void theRequiredConfidenceIsCappedAtOne() {
        hold.hold(Workload.CPU_BOUND, 1.0, "x");
        assertThat(hold.required()).isEqualTo(1.0);
        Classification io = Classification.of(Workload.IO_BOUND, 1.0);
        assertThat(hold.filter(io)).isSameAs(io);
    }
}
