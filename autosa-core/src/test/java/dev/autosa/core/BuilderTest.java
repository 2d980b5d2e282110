// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.api.Objective;
import dev.autosa.api.Workload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every setting is validated at once with a message naming it and echoing the bad value. */
class BuilderTest {

    @Test
    void defaultsAreTheOriginalAutoSAs() {
        AutoSAConfig c = AutoSAConfig.ofDefaults();
        assertThat(c.collectionInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.aggregationWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.minConfidence()).isEqualTo(0.7);
        assertThat(c.minSwitchInterval()).isEqualTo(Duration.ofSeconds(300));
        assertThat(c.autoSwitch()).isTrue();
        assertThat(c.mode()).isEqualTo(Mode.RECOMMEND);
        assertThat(c.warmup()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.windowTicks()).isEqualTo(60);
        assertThat(c.preferences().candidates(Workload.CPU_BOUND)).startsWith("scx_rusty");
        assertThat(c.preferences().candidates(Workload.IO_BOUND)).startsWith("scx_bpfland");
        assertThat(c.preferences().candidates(Workload.LATENCY_SENSITIVE)).startsWith("scx_lavd");
        assertThat(c.preferences().candidates(Workload.MIXED)).startsWith("scx_flash");
        assertThat(c.preferences().candidates(Workload.MEMORY_BOUND)).startsWith("scx_rusty");
        assertThat(c.preferences().candidates(Workload.IDLE)).isEmpty();
    }

    @Test
    void badValuesAreRejectedAtOnceWithExactMessages() {
        AutoSA.Builder b = AutoSA.builder();
        assertThatThrownBy(() -> b.minConfidence(1.3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("min confidence must be in [0, 1] but was 1.3");
        assertThatThrownBy(() -> b.minConfidence(Double.NaN))
                .hasMessage("min confidence must be in [0, 1] but was NaN");
        assertThatThrownBy(() -> b.collectionInterval(Duration.ZERO))
                .hasMessage("collection interval must be between 10ms and 3600s but was 0s");
        assertThatThrownBy(() -> b.collectionInterval(Duration.ofMillis(-5)))
                .hasMessage("collection interval must be between 10ms and 3600s but was -5ms");
        assertThatThrownBy(() -> b.minSwitchInterval(Duration.ofSeconds(-1)))
                .hasMessage("min switch interval must be between 0s and 604800s but was -1s");
        assertThatThrownBy(() -> b.blocklistAfter(0))
                .hasMessage("blocklist after must be in [1, 1000] failures but was 0");
        assertThatThrownBy(() -> b.decisionLogSize(0))
                .hasMessage("decision log size must be in [1, 100000] but was 0");
        assertThatThrownBy(() -> b.schedulerArgs("rusty", List.of()))
                .hasMessage("scheduler name must be scx_ followed by a-z, 0-9 or '_' but was \"rusty\"");
        assertThatThrownBy(() -> Mode.parse("turbo"))
                .hasMessage("mode must be one of auto, recommend, dry-run but was \"turbo\"");
    }

    @Test
    void eachSettingMaySetOnlyOnce() {
        AutoSA.Builder b = AutoSA.builder().minConfidence(0.8).collectionInterval(Duration.ofSeconds(2));
        assertThatThrownBy(() -> b.minConfidence(0.9)).isInstanceOf(IllegalStateException.class)
                .hasMessage("min confidence was already set to 0.8");
        assertThatThrownBy(() -> b.collectionInterval(Duration.ofSeconds(1)))
                .hasMessage("collection interval was already set to 2s");
        b.mode(Mode.RECOMMEND);
        assertThatThrownBy(() -> b.mode(Mode.AUTO)).hasMessage("mode was already set to recommend");
        b.controller(new SimulatedController());
        assertThatThrownBy(() -> b.controller(new SimulatedController())).hasMessageStartingWith("controller was already set to");
    }

    @Test
    void settingsThatContradictEachOtherFailAtBuild() {
        assertThatThrownBy(() -> AutoSA.builder().collectionInterval(Duration.ofSeconds(10))
                .aggregationWindow(Duration.ofSeconds(15)).metricSource(new ScriptedSource()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("aggregation window must be between 20s and 1000000s but was 15s");
        assertThatThrownBy(() -> AutoSA.builder().aggregationWindow(Duration.ofSeconds(20)).warmup(Duration.ofSeconds(30))
                .metricSource(new ScriptedSource()).build())
                .hasMessage("warmup must be between 0s and 20s but was 30s");
        assertThatThrownBy(() -> AutoSA.builder().failureBackoff(Duration.ofMinutes(10))
                .maxFailureBackoff(Duration.ofMinutes(1)).metricSource(new ScriptedSource()).build())
                .hasMessage("max failure backoff must be between 600s and 604800s but was 60s");
    }

    @Test
    void warmupDefaultsToHalfTheWindowAndConfigFillsTheRest() {
        try (AutoSA a = AutoSA.builder().aggregationWindow(Duration.ofSeconds(120))
                .metricSource(new ScriptedSource()).controller(new SimulatedController()).build()) {
            assertThat(a.config().warmup()).isEqualTo(Duration.ofSeconds(60));
        }
        AutoSAConfig file = AutoSA.builder().collectionInterval(Duration.ofSeconds(2))
                .aggregationWindow(Duration.ofSeconds(30)).minConfidence(0.8).minSwitchInterval(Duration.ofSeconds(60))
                .stabilityPeriod(Duration.ofSeconds(10)).warmup(Duration.ofSeconds(4)).autoSwitch(false)
                .mode(Mode.RECOMMEND).failureBackoff(Duration.ofSeconds(5)).maxFailureBackoff(Duration.ofSeconds(50))
                .blocklistAfter(2).keepSchedulerOnClose(true).decisionLogSize(10)
                .preferences(PreferenceTable.defaults().with(Workload.IDLE, List.of("scx_simple")))
                .schedulerArgs("scx_simple", List.of("-f")).toConfig();
        try (AutoSA a = AutoSA.builder().config(file).minConfidence(0.9)
                .metricSource(new ScriptedSource()).controller(new SimulatedController()).build()) {
            assertThat(a.config().minConfidence()).isEqualTo(0.9);
            assertThat(a.config().warmup()).isEqualTo(Duration.ofSeconds(4));
            assertThat(a.config().specFor("scx_simple").args()).containsExactly("-f");
            assertThat(a.config().preferences().candidates(Workload.IDLE)).containsExactly("scx_simple");
            assertThat(a.mode()).isEqualTo(Mode.RECOMMEND);
        }
    }

    @Test
    void preferenceTableRejectsBadSchedulerNames() {
        assertThatThrownBy(() -> PreferenceTable.defaults().with(Workload.CPU_BOUND, List.of("scx_rusty; rm -rf /")))
                .hasMessage("scheduler name must be scx_ followed by a-z, 0-9 or '_' but was \"scx_rusty; rm -rf /\"");
    }

    @Test
    void autoModeWithoutAControllerFallsBackToRecommendAndSaysWhy() {
        try (AutoSA a = AutoSA.builder().mode(Mode.AUTO).metricSource(new ScriptedSource()).build()) {
            assertThat(a.mode()).isEqualTo(Mode.RECOMMEND);
            assertThat(a.status().modeReason()).isEqualTo(
                    "no SchedulerController available: no provider found on the class path or module path"
                            + " (add dev.autosa:autosa-proc-linux for Linux's, or give one to the builder);"
                            + " running in recommend mode");
        }
    }

    @Test
    void dryRunUsesASimulatedController() {
        try (AutoSA a = AutoSA.builder().metricSource(new ScriptedSource()).mode(Mode.DRY_RUN).build()) {
            assertThat(a.mode()).isEqualTo(Mode.DRY_RUN);
            assertThat(a.status().providers()).containsEntry("controller", "simulated");
            assertThat(a.status().modeReason()).isEqualTo("dry-run: a simulated controller with scx_bpfland, scx_flash,"
                    + " scx_lavd, scx_rusty, scx_simple installed; the kernel is never touched");
        }
    }

    @Test
    void experimentSettingsAreValidatedAndReachTheConfig() {
        assertThatThrownBy(() -> AutoSA.builder().settlePeriod(Duration.ofSeconds(-1)))
                .hasMessage("settle period must be between 0s and 21600s but was -1s");
        assertThatThrownBy(() -> AutoSA.builder().evaluationPeriod(Duration.ZERO))
                .hasMessage("evaluation period must be between 1s and 21600s but was 0s");
        assertThatThrownBy(() -> AutoSA.builder().retryLostAfter(Duration.ofDays(400)))
                .hasMessage("retry lost after must be between 0s and 31536000s but was 34560000s");
        assertThatThrownBy(() -> AutoSA.builder().settlePeriod(Duration.ofSeconds(5)).settlePeriod(Duration.ofSeconds(6)))
                .hasMessage("settle period was already set to 5s");
        Objective o = Objective.of("p99", "ms", Objective.Direction.LOWER_IS_BETTER, () -> 1.0);
        assertThatThrownBy(() -> AutoSA.builder().objective(o).objective(o)).hasMessageStartingWith(
                "objective was already set to p99 (ms, lower is better)");
        try (AutoSA a = AutoSA.builder().settlePeriod(Duration.ofSeconds(5)).evaluationPeriod(Duration.ofSeconds(30))
                .retryLostAfter(Duration.ofHours(2)).experiments(false).objective(o)
                .metricSource(new ScriptedSource()).controller(new SimulatedController()).build()) {
            ExperimentConfig x = a.config().experiment();
            assertThat(x).isEqualTo(new ExperimentConfig(false, Duration.ofSeconds(5), Duration.ofSeconds(30),
                    Duration.ofHours(2), ExperimentConfig.DEFAULT_STICKY_MARGIN));
            assertThat(a.experiments().objective()).isEqualTo("p99");
            assertThat(a.experiments().store()).isEqualTo("in memory");
            assertThat(a.status().providers()).containsEntry("objective", "p99");
        }
        try (AutoSA a = AutoSA.builder().metricSource(new ScriptedSource()).controller(new SimulatedController())
                .build()) {
            assertThat(a.config().experiment()).isEqualTo(ExperimentConfig.ofDefaults());
            assertThat(a.experiments().objective()).isEqualTo("cpu contention");
        }
    }
}
