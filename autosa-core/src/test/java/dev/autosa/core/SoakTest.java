// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.AutoSAEvent;
import dev.autosa.api.SchedulerFailure;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A day of simulated time with a changing workload and injected failures, in about a second of
 * real time: the engine must keep every promise all day (min switch interval, backoff, blocklist,
 * kernel default after failures), and keep its memory and decision log bounded.
 */
class SoakTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void aDayOfChangingWorkAndFailuresKeepsEveryPromise() {
        ScriptedSource day = new ScriptedSource();
        // A 4-hour pattern, six times: quiet, busy, I/O, bursty, interactive, undecided.
        for (int rep = 0; rep < 6; rep++) {
            day.then("idle", 40 * 60, ScriptedSource.IDLE)
                    .then("cpu", 60 * 60, ScriptedSource.CPU)
                    .then("io", 30 * 60, ScriptedSource.IO)
                    .thenBursty("bursty", 30 * 60, ScriptedSource.CPU, 10, ScriptedSource.IDLE, 20)
                    .then("latency", 40 * 60, ScriptedSource.LATENCY)
                    .thenBursty("flapping", 40 * 60, ScriptedSource.CPU, 15, ScriptedSource.IO, 15);
        }
        assertThat(day.totalTicks()).isEqualTo(24 * 3600);

        ManualClock clock = new ManualClock();
        SimulatedController controller = new SimulatedController();
        controller.failActivation("scx_lavd", SchedulerFailure.Kind.START_FAILED);
        List<Long> switchTimes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        int threadsBefore = Thread.activeCount();
        long heapAfterWarmup = 0;

        try (AutoSA autosa = AutoSA.builder().mode(Mode.AUTO).metricSource(day).controller(controller).clock(clock)
                .decisionLogSize(50)
                .listener(e -> {
                    if (e instanceof AutoSAEvent.Switched s) {
                        switchTimes.add(clock.secondsSinceStart());
                    } else if (e instanceof AutoSAEvent.Failed f) {
                        failures.add(f.failure().scheduler() + " " + f.failure().kind());
                        // After any failure the kernel default runs.
                        assertThat(controller.current().isKernelDefault()).isTrue();
                    }
                }).build()) {
            for (int t = 0; t < day.totalTicks(); t++) {
                // Every 3 hours the running scheduler (if any) dies.
                if (t > 0 && t % (3 * 3600) == 0 && !controller.current().isKernelDefault()) {
                    controller.crash(SchedulerFailure.Kind.EXITED);
                }
                autosa.tick();
                clock.advance(SECOND);
                if (t == 4 * 3600) {
                    heapAfterWarmup = usedHeapAfterGc(memory);
                }
            }
            AutoSAStatus status = autosa.status();
            assertThat(status.ticks()).isEqualTo(24 * 3600);
            assertThat(status.recentDecisions()).hasSizeLessThanOrEqualTo(50);
            assertThat(status.failures()).anySatisfy(f -> {
                assertThat(f.scheduler()).isEqualTo("scx_lavd");
                assertThat(f.blocklisted()).isTrue();
                assertThat(f.failures()).isEqualTo(3);
            });
            long heapAtEnd = usedHeapAfterGc(memory);
            // 20 hours more of ticking must not retain memory (allow GC noise).
            assertThat(heapAtEnd - heapAfterWarmup).as("heap growth in bytes").isLessThan(2_000_000);
        }
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore);
        assertThat(controller.current().isKernelDefault()).isTrue();

        // Never two switches within the min switch interval, all day long.
        for (int i = 1; i < switchTimes.size(); i++) {
            assertThat(switchTimes.get(i) - switchTimes.get(i - 1)).isGreaterThanOrEqualTo(300);
        }
        // The pattern asks for a few switches per 4 hours, not dozens (23 on this script: the flapping
        // and bursty phases never switch).
        assertThat(switchTimes).hasSizeBetween(6, 6 * 6);
        // scx_lavd failed 3 times, then was never tried again; crashes were detected.
        assertThat(failures.stream().filter(f -> f.equals("scx_lavd START_FAILED"))).hasSize(3);
        assertThat(failures.stream().filter(f -> f.endsWith("EXITED"))).isNotEmpty();
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
