// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.core.AutoSA;
import dev.autosa.core.Mode;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AutoSAMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong nanos = new AtomicLong();

    private static AutoSA.Builder cpuBound() {
        return AutoSA.builder().aggregationWindow(Duration.ofSeconds(4)).metricSource(new ConstantSource(0.99));
    }

    /** Moves the binder's clock past the snapshot reuse time, so the next read sees the engine anew. */
    private void nextScrape() {
        nanos.addAndGet(AutoSAMetrics.SNAPSHOT_REUSE_NANOS);
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    private double counter(String name) {
        return registry.get(name).functionCounter().count();
    }

    @Test
    void recommendModeShowsTheWorkloadTheRecommendationAndTheWindow() {
        try (AutoSA autosa = cpuBound().mode(Mode.RECOMMEND).build()) {
            new AutoSAMetrics(autosa, Tags.empty(), nanos::get).bindTo(registry);
            assertThat(gauge("autosa.workload.confidence")).isNaN();
            for (int i = 0; i < 4; i++) {
                autosa.tick();
            }
            nextScrape();
            assertThat(counter("autosa.ticks")).isEqualTo(4);
            assertThat(counter("autosa.switches")).isZero();
            assertThat(counter("autosa.missed.ticks")).isZero();
            assertThat(gauge("autosa.running")).isZero();
            assertThat(gauge("autosa.workload.confidence")).isBetween(0.7, 1.0);
            assertThat(gauge("autosa.workload", "workload", "cpu-bound")).isEqualTo(1);
            assertThat(gauge("autosa.workload", "workload", "idle")).isZero();
            assertThat(gauge("autosa.scheduler.recommended", "scheduler", "scx_rusty")).isEqualTo(1);
            assertThat(gauge("autosa.scheduler.recommended", "scheduler", "kernel_default")).isZero();
            assertThat(gauge("autosa.scheduler.active", "scheduler", "kernel_default")).isEqualTo(1);
            assertThat(gauge("autosa.scheduler.active", "scheduler", "scx_rusty")).isZero();
            assertThat(gauge("autosa.window.mean", "metric", "cpu.busy")).isEqualTo(0.99);
            assertThat(gauge("autosa.window.mean", "metric", "io.util")).isNaN();
        }
    }

    @Test
    void aDryRunSwitchMovesTheActiveSchedulerAndCountsTheSwitch() {
        try (AutoSA autosa = cpuBound().mode(Mode.DRY_RUN).stabilityPeriod(Duration.ZERO)
                .minSwitchInterval(Duration.ZERO).build()) {
            new AutoSAMetrics(autosa, Tags.empty(), nanos::get).bindTo(registry);
            for (int i = 0; i < 4; i++) {
                autosa.tick();
            }
            nextScrape();
            assertThat(counter("autosa.switches")).isEqualTo(1);
            assertThat(gauge("autosa.scheduler.active", "scheduler", "scx_rusty")).isEqualTo(1);
            assertThat(gauge("autosa.scheduler.active", "scheduler", "kernel_default")).isZero();
        }
    }

    @Test
    void oneSnapshotServesAScrapeAndANewScrapeSeesNewTicks() {
        try (AutoSA autosa = cpuBound().mode(Mode.RECOMMEND).build()) {
            new AutoSAMetrics(autosa, Tags.empty(), nanos::get).bindTo(registry);
            autosa.tick();
            assertThat(counter("autosa.ticks")).isEqualTo(1);
            autosa.tick();
            assertThat(counter("autosa.ticks")).as("same scrape, same snapshot").isEqualTo(1);
            nextScrape();
            assertThat(counter("autosa.ticks")).isEqualTo(2);
        }
    }

    @Test
    void extraTagsGoOnEveryMeterSoTwoEnginesShareARegistry() {
        try (AutoSA web = cpuBound().mode(Mode.RECOMMEND).build();
                AutoSA batch = AutoSA.builder().mode(Mode.RECOMMEND).metricSource(new ConstantSource(0.0)).build()) {
            new AutoSAMetrics(web, Tags.of("engine", "web"), nanos::get).bindTo(registry);
            new AutoSAMetrics(batch, Tags.of("engine", "batch"), nanos::get).bindTo(registry);
            web.tick();
            nextScrape();
            for (Meter m : registry.getMeters()) {
                assertThat(m.getId().getTag("engine")).as(m.getId().toString()).isIn("web", "batch");
            }
            assertThat(registry.get("autosa.ticks").tag("engine", "web").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("autosa.ticks").tag("engine", "batch").functionCounter().count()).isZero();
        }
    }
}
