// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckedSinkTest {

    @Test
    void sharesMustLieInZeroToOne() {
        assertThat(CheckedSink.allowed("cpu.iowait", 0.3)).isTrue();
        assertThat(CheckedSink.allowed("cpu.iowait", -5)).isFalse();
        assertThat(CheckedSink.allowed("io.util", 7)).isFalse();
        assertThat(CheckedSink.allowed("psi.cpu.some", 1.01)).isFalse();
        assertThat(CheckedSink.allowed("cpu.busiest", 1.0)).isTrue();
    }

    @Test
    void busyCpusIsACountNotAShare() {
        // 1.7 of 8 CPUs busy: seen from the real /proc source on every multi-CPU machine.
        assertThat(CheckedSink.allowed("cpu.busy_cpus", 1.7)).isTrue();
        assertThat(CheckedSink.allowed("cpu.busy_cpus", 64)).isTrue();
        assertThat(CheckedSink.allowed("cpu.busy_cpus", -0.1)).isFalse();
    }

    @Test
    void ratesAndCountsMustNotBeNegativeAndCustomKeysPass() {
        assertThat(CheckedSink.allowed("sched.ctx_switches_per_sec", 25_000)).isTrue();
        assertThat(CheckedSink.allowed("io.read_bytes_per_sec", -1)).isFalse();
        assertThat(CheckedSink.allowed("sched.runnable_per_cpu", -1)).isFalse();
        assertThat(CheckedSink.allowed("app.p99_ms", -3)).isTrue();
    }
}
