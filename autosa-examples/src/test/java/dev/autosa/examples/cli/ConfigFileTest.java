// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.api.Workload;
import dev.autosa.core.AutoSAConfig;
import dev.autosa.core.Mode;
import dev.autosa.proc.linux.ScxControllerConfig;
import dev.autosa.proc.linux.ScxControllerConfig.OrphanPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigFileTest {

    private static final Path FILE = Path.of("/etc/autosa/autosa.conf");

    @Test
    void readsTheOriginalKeysAndOurs() {
        ConfigFile.Loaded l = ConfigFile.parse(FILE, """
                # AutoSA configuration
                collection_interval_secs = 2
                aggregation_window_secs = 120   # two minutes
                min_confidence_threshold = 0.8
                min_switch_interval_secs = 600
                enable_auto_switch = false
                mode = "recommend"
                stability_period_secs = 30
                keep_scheduler_on_close = true
                prefer.cpu-bound = scx_simple, scx_rusty
                prefer.idle = []
                prefer.nightly = ["scx_rusty"]
                args.scx_lavd = --performance --slice-us 3000
                """);
        AutoSAConfig c = l.config();
        assertThat(c.collectionInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.aggregationWindow()).isEqualTo(Duration.ofSeconds(120));
        assertThat(c.warmup()).isEqualTo(Duration.ofSeconds(60));
        assertThat(l.warmupGiven()).isFalse();
        assertThat(c.minConfidence()).isEqualTo(0.8);
        assertThat(c.minSwitchInterval()).isEqualTo(Duration.ofSeconds(600));
        assertThat(c.autoSwitch()).isFalse();
        assertThat(c.mode()).isEqualTo(Mode.RECOMMEND);
        assertThat(c.stabilityPeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.keepSchedulerOnClose()).isTrue();
        assertThat(c.preferences().candidates(Workload.CPU_BOUND)).containsExactly("scx_simple", "scx_rusty");
        assertThat(c.preferences().candidates(Workload.IDLE)).isEmpty();
        assertThat(c.preferences().candidates(Workload.of("nightly"))).containsExactly("scx_rusty");
        assertThat(c.preferences().candidates(Workload.IO_BOUND)).containsExactly("scx_bpfland", "scx_flash");
        assertThat(c.schedulerArgs()).containsEntry("scx_lavd", List.of("--performance", "--slice-us", "3000"));
    }

    @Test
    void thresholdsOverrideTheDerivedDefaultsByKey() {
        ConfigFile.Loaded l = ConfigFile.parse(FILE, """
                threshold.ctx_switches_per_cpu = 2500
                threshold.psi_mem_some = 0.1
                """);
        dev.autosa.core.Thresholds t = l.thresholds();
        assertThat(t.get(dev.autosa.core.Threshold.CTX_SWITCHES_PER_CPU)).isEqualTo(2500);
        assertThat(t.get(dev.autosa.core.Threshold.PSI_MEM_SOME)).isEqualTo(0.1);
        assertThat(t.isOverridden(dev.autosa.core.Threshold.IO_UTIL)).isFalse();
        assertThat(ConfigFile.parse(FILE, "mode = auto\n").thresholds().hasOverrides()).isFalse();
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "threshold.io_util = 2"))
                .hasMessage("/etc/autosa/autosa.conf:1: threshold.io_util: threshold io_util must be in [0, 1] but was 2");
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "threshold.ctx = 2"))
                .hasMessageStartingWith("/etc/autosa/autosa.conf:1: threshold.ctx: unknown threshold \"ctx\"; known: ");
    }

    @Test
    void emptyFileIsTheDefaults() {
        assertThat(ConfigFile.parse(FILE, "\n# nothing\n").config()).isEqualTo(AutoSAConfig.ofDefaults());
    }

    @Test
    void errorsNameFileLineKeyAndValue() {
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "mode = auto\nmin_confidense_threshold = 0.8\n"))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("/etc/autosa/autosa.conf:2: unknown key min_confidense_threshold (known: ")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "min_confidence_threshold = 1.3"))
                .hasMessage("/etc/autosa/autosa.conf:1: min_confidence_threshold: "
                        + "min confidence must be in [0, 1] but was 1.3");
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "enable_auto_switch = yes"))
                .hasMessage("/etc/autosa/autosa.conf:1: enable_auto_switch: must be true or false but was \"yes\"");
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "aggregation_window_secs = soon"))
                .hasMessage("/etc/autosa/autosa.conf:1: aggregation_window_secs: must be a number but was \"soon\"");
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "mode = fast"))
                .hasMessage("/etc/autosa/autosa.conf:1: mode: mode must be one of auto, recommend, dry-run but was \"fast\"");
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "prefer.cpu-bound = rusty"))
                .hasMessageStartingWith("/etc/autosa/autosa.conf:1: prefer.cpu-bound: scheduler name must be scx_");
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "mode = auto\nmode = recommend"))
                .hasMessage("/etc/autosa/autosa.conf:2: key mode was already set on line 1");
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "just words"))
                .hasMessage("/etc/autosa/autosa.conf:1: expected 'key = value' but was \"just words\"");
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "aggregation_window_secs = 10\nwarmup_secs = 20"))
                .hasMessage("/etc/autosa/autosa.conf: warmup must be between 0s and 10s but was 20s");
    }

    @Test
    void flagsOverrideTheFileAndMoveTheDerivedWarmup() throws Exception {
        Path conf = java.nio.file.Files.createTempFile("autosa", ".conf");
        try {
            java.nio.file.Files.writeString(conf, "aggregation_window_secs = 120\nmin_confidence_threshold = 0.9\n");
            TuningOptions t = new TuningOptions();
            t.config = conf;
            t.aggregationWindow = Duration.ofSeconds(10);
            var b = dev.autosa.core.AutoSA.builder().metricSource(new dev.autosa.examples.ConstantSource(0.5));
            t.applyTo(b, null);
            try (var autosa = b.build()) {
                AutoSAConfig c = autosa.config();
                assertThat(c.aggregationWindow()).isEqualTo(Duration.ofSeconds(10));
                assertThat(c.warmup()).isEqualTo(Duration.ofSeconds(5));
                assertThat(c.minConfidence()).isEqualTo(0.9);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(conf);
        }
    }

    @Test
    void readsTheControllerSettings() {
        ConfigFile.Loaded l = ConfigFile.parse(FILE, """
                scx_trusted_dirs = /usr/bin, "/usr/local/bin"
                scx_start_timeout_secs = 60
                scx_stop_timeout_secs = 2.5
                scx_orphan_policy = adopt
                scx_run_dir = /var/run/autosa
                """);
        assertThat(l.scx()).isEqualTo(ScxControllerConfig.ofDefaults()
                .withTrustedDirs(List.of(Path.of("/usr/bin"), Path.of("/usr/local/bin")))
                .withStartTimeout(Duration.ofSeconds(60)).withStopTimeout(Duration.ofMillis(2500))
                .withOrphanPolicy(OrphanPolicy.ADOPT).withRunDir(Path.of("/var/run/autosa")));
        assertThat(l.config()).isEqualTo(AutoSAConfig.ofDefaults());
        assertThat(ConfigFile.parse(FILE, "scx_trusted_dirs = [\"/opt/scx/bin\"]\nscx_orphan_policy = stop\n").scx())
                .isEqualTo(ScxControllerConfig.ofDefaults().withTrustedDirs(List.of(Path.of("/opt/scx/bin")))
                        .withOrphanPolicy(OrphanPolicy.STOP));
        assertThat(ConfigFile.parse(FILE, "scx_orphan_policy = leave").scx().orphanPolicy())
                .isEqualTo(OrphanPolicy.LEAVE);
    }

    @Test
    void withoutControllerKeysTheControllerHasItsDefaults() {
        assertThat(ConfigFile.parse(FILE, "mode = auto\n").scx()).isEqualTo(ScxControllerConfig.ofDefaults());
    }

    @Test
    void badControllerSettingsNameFileLineAndKey() {
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "mode = auto\nscx_trusted_dirs = /usr/bin, opt/bin\n"))
                .isInstanceOf(CliException.class)
                .hasMessage("/etc/autosa/autosa.conf:2: scx_trusted_dirs: trusted directory must be an absolute path "
                        + "but was \"opt/bin\"")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "scx_trusted_dirs = []"))
                .hasMessage("/etc/autosa/autosa.conf:1: scx_trusted_dirs: must name at least one directory but was "
                        + "empty");
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "scx_start_timeout_secs = 0"))
                .hasMessage("/etc/autosa/autosa.conf:1: scx_start_timeout_secs: start timeout must be positive but "
                        + "was PT0S");
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "scx_stop_timeout_secs = -1"))
                .hasMessage("/etc/autosa/autosa.conf:1: scx_stop_timeout_secs: stop timeout must be positive but "
                        + "was PT-1S");
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "scx_stop_timeout_secs = 0.01"))
                .hasMessage("/etc/autosa/autosa.conf:1: scx_stop_timeout_secs: poll interval must not exceed the "
                        + "start and stop timeouts but was PT0.02S");
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "scx_start_timeout_secs = later"))
                .hasMessage("/etc/autosa/autosa.conf:1: scx_start_timeout_secs: must be a number but was \"later\"");
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "scx_orphan_policy = kill"))
                .hasMessage("/etc/autosa/autosa.conf:1: scx_orphan_policy: must be leave, adopt or stop but was "
                        + "\"kill\"");
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "scx_run_dir = run/autosa"))
                .hasMessage("/etc/autosa/autosa.conf:1: scx_run_dir: run directory must be an absolute path but was "
                        + "\"run/autosa\"");
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "scx_orphan_policy = stop\nscx_orphan_policy = adopt"))
                .hasMessage("/etc/autosa/autosa.conf:2: key scx_orphan_policy was already set on line 1");
    }
}
