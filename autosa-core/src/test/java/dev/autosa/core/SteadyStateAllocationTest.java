// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import dev.autosa.api.MetricSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The engine's tick (window, classify, policy) must not allocate in a steady state: a daemon that
 * ticks every second forever should give the GC nothing to do. Counted with the JVM's per-thread
 * allocation counter, which is exact and independent of timing. (benchmarks/ measures the same
 * with JMH's gc profiler, including the real /proc source.)
 */
class SteadyStateAllocationTest {

    /** Writes fixed values from arrays: allocation-free, like the real /proc source. */
    private static final class ArraySource implements MetricSource {
        private final MetricKey[] keys = {MetricKey.CPU_BUSY, MetricKey.CPU_IOWAIT, MetricKey.IO_UTIL,
            MetricKey.SCHED_CTX_SWITCHES_PER_SEC, MetricKey.MEM_PGFAULTS_PER_SEC, MetricKey.PSI_MEM_SOME};
        private final double[] values = {0.97, 0.0, 0.02, 900, 2_000, 0.0};

        @Override
        public String name() {
            return "array";
        }

        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public void sample(MetricSink sink) {
            for (int i = 0; i < keys.length; i++) {
                sink.put(keys[i], values[i]);
            }
        }
    }

    @Test
    void aSteadyStateTickAllocatesNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ManualClock clock = new ManualClock();
        Duration second = Duration.ofSeconds(1); // made once: Duration.ofSeconds allocates
        try (AutoSA autosa = AutoSA.builder().metricSource(new ArraySource()).controller(new SimulatedController())
                .mode(Mode.AUTO).clock(clock).build()) {
            // Warm up: fill the window, switch to scx_rusty, let the JIT compile the tick.
            for (int i = 0; i < 20_000; i++) {
                autosa.tick();
                clock.advance(second);
            }
            assertThat(autosa.status().active().scheduler()).isEqualTo("scx_rusty");
            long thread = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(thread);
            int ticks = 10_000;
            for (int i = 0; i < ticks; i++) {
                autosa.tick();
                clock.advance(second);
            }
            long perTick = (threads.getThreadAllocatedBytes(thread) - before) / ticks;
            assertThat(perTick).as("bytes allocated per steady-state tick").isZero();
        }
    }
}
