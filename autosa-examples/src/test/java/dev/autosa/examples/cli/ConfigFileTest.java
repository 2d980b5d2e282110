// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.api.SchedulerController;
import dev.autosa.api.Workload;
import dev.autosa.core.AutoSA;
import dev.autosa.core.AutoSAConfig;
import dev.autosa.core.ExperimentConfig;
import dev.autosa.core.Mode;
import dev.autosa.examples.ConstantSource;
import dev.autosa.proc.linux.ScxControllerConfig;
import dev.autosa.proc.linux.ScxControllerConfig.OrphanPolicy;
import dev.autosa.proc.linux.ScxProcessController;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file parses, then drives the builder's own setters; every error names the file, line and key. */
class ConfigFileTest {

    private static final Path FILE = Path.of("/etc/autosa/autosa.conf");

    @TempDir
    Path dir;

    /** What the daemon gets from a file: parse, apply to a builder, check the settings together. */
    private static AutoSAConfig config(String text) {
        ConfigFile file = ConfigFile.parse(FILE, text);
        AutoSA.Builder b = AutoSA.builder();
        file.applyTo(b, Set.of());
        return Engines.checked(b::toConfig, file);
    }

    /** The controller discovery hands the file's scx_* settings to. */
    private static ScxControllerConfig scx(String text) {
        ConfigFile file = ConfigFile.parse(FILE, text);
        AutoSAConfig c = config(text);
        Providers.Found<SchedulerController> found = Engines.checked(() -> Providers.discover(
                SchedulerController.class, ConfigFileTest.class.getClassLoader(), c.providerSettings()), file);
        SchedulerController ctl = found.provider() != null ? found.provider() : found.unavailable();
        assertThat(ctl).isInstanceOf(ScxProcessController.class);
        ctl.close(true);
        return ((ScxProcessController) ctl).config();
    }

    @Test
    void readsTheOriginalKeysAndOurs() {
        AutoSAConfig c = config("""
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
                prefer.mixed = ["scx_rusty"]
                args.scx_lavd = --performance --slice-us 3000
                """);
        assertThat(c.collectionInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.aggregationWindow()).isEqualTo(Duration.ofSeconds(120));
        assertThat(c.warmup()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.minConfidence()).isEqualTo(0.8);
        assertThat(c.minSwitchInterval()).isEqualTo(Duration.ofSeconds(600));
        assertThat(c.autoSwitch()).isFalse();
        assertThat(c.mode()).isEqualTo(Mode.RECOMMEND);
        assertThat(c.stabilityPeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.keepSchedulerOnClose()).isTrue();
        assertThat(c.preferences().candidates(Workload.CPU_BOUND)).containsExactly("scx_simple", "scx_rusty");
        assertThat(c.preferences().candidates(Workload.IDLE)).isEmpty();
        assertThat(c.preferences().candidates(Workload.MIXED)).containsExactly("scx_rusty");
        assertThat(c.preferences().candidates(Workload.IO_BOUND)).containsExactly("scx_bpfland", "scx_flash");
        assertThat(c.schedulerArgs()).containsEntry("scx_lavd", List.of("--performance", "--slice-us", "3000"));
    }

    @Test
    void thresholdsOverrideTheDerivedDefaultsByKey() {
        ConfigFile l = ConfigFile.parse(FILE, """
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
        assertThat(config("\n# nothing\n")).isEqualTo(AutoSAConfig.ofDefaults());
    }

    @Test
    void errorsNameFileLineKeyAndValue() {
        assertThatThrownBy(() -> config("mode = auto\nmin_confidense_threshold = 0.8\n"))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("/etc/autosa/autosa.conf:2: unknown key min_confidense_threshold (known: ")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> config("min_confidence_threshold = 1.3"))
                .hasMessage("/etc/autosa/autosa.conf:1: min_confidence_threshold: "
                        + "min confidence must be in [0, 1] but was 1.3");
        assertThatThrownBy(() -> config("enable_auto_switch = yes"))
                .hasMessage("/etc/autosa/autosa.conf:1: enable_auto_switch: must be true or false but was \"yes\"");
        assertThatThrownBy(() -> config("aggregation_window_secs = soon"))
                .hasMessage("/etc/autosa/autosa.conf:1: aggregation_window_secs: must be a number but was \"soon\"");
        assertThatThrownBy(() -> config("mode = fast"))
                .hasMessage("/etc/autosa/autosa.conf:1: mode: mode must be one of auto, recommend, dry-run but was \"fast\"");
        assertThatThrownBy(() -> config("prefer.cpu-bound = rusty"))
                .hasMessageStartingWith("/etc/autosa/autosa.conf:1: prefer.cpu-bound: scheduler name must be scx_");
        assertThatThrownBy(() -> config("mode = auto\nmode = recommend"))
                .hasMessage("/etc/autosa/autosa.conf:2: key mode was already set on line 1");
        assertThatThrownBy(() -> config("just words"))
                .hasMessage("/etc/autosa/autosa.conf:1: expected 'key = value' but was \"just words\"");
        assertThatThrownBy(() -> config("aggregation_window_secs = 10\nwarmup_secs = 20"))
                .hasMessage("warmup must be between 0s and 10s but was 20s");
    }

    @Test
    void aTypoInAWorkloadNameIsRejectedWithItsLine() {
        assertThatThrownBy(() -> config("mode = auto\nprefer.cpubound = scx_rusty\n"))
                .isInstanceOf(CliException.class)
                .hasMessage("/etc/autosa/autosa.conf:2: prefer.cpubound: unknown workload \"cpubound\" (known: idle,"
                        + " cpu-bound, io-bound, memory-bound, latency-sensitive, mixed)");
    }

    @Test
    void argumentsThatAreNotFlagsOrPlainValuesAreRejectedWithTheirLine() {
        assertThatThrownBy(() -> config("mode = auto\nargs.scx_lavd = --performance ;rm\n"))
                .hasMessage("/etc/autosa/autosa.conf:2: args.scx_lavd: scheduler args for scx_lavd must be flags or"
                        + " plain values (letters, digits, - _ . , : / + = @ %) but held \";rm\"");
    }

    @Test
    void unknownFlagsOfAKnownSchedulerAreRejectedAtBuildWithTheirLine() {
        ConfigFile file = ConfigFile.parse(FILE, "mode = recommend\nargs.scx_lavd = --no-such-flag\n");
        AutoSA.Builder b = AutoSA.builder().metricSource(new ConstantSource(0.5));
        file.applyTo(b, Set.of());
        assertThatThrownBy(() -> Engines.build(b, file))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("/etc/autosa/autosa.conf:2: scheduler args for scx_lavd: ")
                .hasMessageContaining("--no-such-flag")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(2));
    }

    @Test
    void flagsOverrideTheFileAndMoveTheDerivedWarmup() throws Exception {
        Path conf = dir.resolve("autosa.conf");
        Files.writeString(conf, "aggregation_window_secs = 120\nmin_confidence_threshold = 0.9\nmode = dry-run\n");
        TuningOptions t = new TuningOptions();
        t.config.path = conf;
        t.aggregationWindow = Duration.ofSeconds(10);
        var b = AutoSA.builder().metricSource(new ConstantSource(0.5));
        t.applyTo(b, Mode.AUTO, true, Set.of());
        try (var autosa = b.build()) {
            AutoSAConfig c = autosa.config();
            assertThat(c.aggregationWindow()).isEqualTo(Duration.ofSeconds(10));
            assertThat(c.warmup()).isEqualTo(Duration.ofSeconds(5));
            assertThat(c.minConfidence()).isEqualTo(0.9);
            assertThat(c.mode()).isEqualTo(Mode.DRY_RUN);
        }
    }

    @Test
    void theDaemonDefaultsToAutoWhereTheLibraryRecommends() {
        TuningOptions t = new TuningOptions();
        t.config.path = null;
        var b = AutoSA.builder();
        t.applyTo(b, Mode.AUTO, true, Set.of("mode"));
        assertThat(b.toConfig().mode()).isEqualTo(Mode.AUTO);
        assertThat(AutoSA.builder().toConfig().mode()).isEqualTo(Mode.RECOMMEND);
    }

    @Test
    void readsTheControllerSettings() {
        assertThat(scx("""
                scx_trusted_dirs = /usr/bin, "/usr/local/bin"
                scx_start_timeout_secs = 60
                scx_stop_timeout_secs = 2.5
                scx_orphan_policy = adopt
                scx_run_dir = /var/run/autosa
                """)).isEqualTo(ScxControllerConfig.ofDefaults()
                .withTrustedDirs(List.of(Path.of("/usr/bin"), Path.of("/usr/local/bin")))
                .withStartTimeout(Duration.ofSeconds(60)).withStopTimeout(Duration.ofMillis(2500))
                .withOrphanPolicy(OrphanPolicy.ADOPT).withRunDir(Path.of("/var/run/autosa")));
        assertThat(scx("scx_trusted_dirs = [\"/opt/scx/bin\"]\nscx_orphan_policy = stop\n"))
                .isEqualTo(ScxControllerConfig.ofDefaults().withTrustedDirs(List.of(Path.of("/opt/scx/bin")))
                        .withOrphanPolicy(OrphanPolicy.STOP));
        assertThat(scx("scx_orphan_policy = leave").orphanPolicy()).isEqualTo(OrphanPolicy.LEAVE);
    }

    @Test
    void withoutControllerKeysTheControllerHasItsDefaults() {
        assertThat(scx("mode = auto\n")).isEqualTo(ScxControllerConfig.ofDefaults());
    }

    @Test
    void badControllerSettingsNameFileLineAndKey() {
        assertThatThrownBy(() -> scx("mode = auto\nscx_trusted_dirs = /usr/bin, opt/bin\n"))
                .isInstanceOf(CliException.class)
                .hasMessage("/etc/autosa/autosa.conf:2: scx_trusted_dirs: trusted directory must be an absolute path "
                        + "but was \"opt/bin\"")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> scx("scx_trusted_dirs = []"))
                .hasMessage("/etc/autosa/autosa.conf:1: scx_trusted_dirs: must name at least one directory but was "
                        + "empty");
        assertThatThrownBy(() -> scx("scx_start_timeout_secs = 0"))
                .hasMessage("/etc/autosa/autosa.conf:1: scx_start_timeout_secs: start timeout must be positive but "
                        + "was PT0S");
        assertThatThrownBy(() -> scx("scx_stop_timeout_secs = -1"))
                .hasMessage("/etc/autosa/autosa.conf:1: scx_stop_timeout_secs: stop timeout must be positive but "
                        + "was PT-1S");
        assertThatThrownBy(() -> scx("scx_start_timeout_secs = later"))
                .hasMessage("/etc/autosa/autosa.conf:1: scx_start_timeout_secs: must be a number but was \"later\"");
        assertThatThrownBy(() -> scx("scx_orphan_policy = kill"))
                .hasMessage("/etc/autosa/autosa.conf:1: scx_orphan_policy: must be leave, adopt or stop but was "
                        + "\"kill\"");
        assertThatThrownBy(() -> scx("scx_run_dir = run/autosa"))
                .hasMessage("/etc/autosa/autosa.conf:1: scx_run_dir: run directory must be an absolute path but was "
                        + "\"run/autosa\"");
        assertThatThrownBy(() -> scx("scx_typo = 1"))
                .hasMessageStartingWith("/etc/autosa/autosa.conf:1: scx_typo: not a setting of the sched_ext controller");
        assertThatThrownBy(() -> scx("scx_orphan_policy = stop\nscx_orphan_policy = adopt"))
                .hasMessage("/etc/autosa/autosa.conf:2: key scx_orphan_policy was already set on line 1");
    }

    @Test
    void readsTheClosedLoopKeys() {
        String text = """
                experiments = true
                settle_period_secs = 5
                evaluation_period_secs = 30
                retry_lost_after_secs = 3600
                state_dir = /srv/autosa
                """;
        assertThat(config(text).experiment()).isEqualTo(ExperimentConfig.ofDefaults()
                .withSettlePeriod(Duration.ofSeconds(5)).withEvaluationPeriod(Duration.ofSeconds(30))
                .withRetryLostAfter(Duration.ofHours(1)));
        assertThat(ConfigFile.parse(FILE, text).stateDir()).isEqualTo(Path.of("/srv/autosa"));
        assertThat(config("experiments = false\n").experiment().enabled()).isFalse();
        assertThat(ConfigFile.parse(FILE, "").stateDir()).isNull();
        assertThatThrownBy(() -> config("evaluation_period_secs = 0\n"))
                .hasMessage(FILE + ":1: evaluation_period_secs: evaluation period must be between 1s and 21600s but was 0s");
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "state_dir = relative/dir\n"))
                .hasMessage(FILE + ":1: state_dir: must be an absolute directory but was \"relative/dir\"");
    }

    @Test
    void jmxIsOffUnlessTheFileOrAFlagTurnsItOn() {
        ConfigFile on = ConfigFile.parse(FILE, "jmx = true\n");
        ConfigFile off = ConfigFile.parse(FILE, "jmx = false\n");
        ConfigFile absent = ConfigFile.parse(FILE, "mode = recommend\n");
        assertThat(on.jmx()).isTrue();
        assertThat(off.jmx()).isFalse();
        assertThat(absent.jmx()).isNull();
        assertThat(StartCommand.jmxWanted(false, false, null)).isFalse();
        assertThat(StartCommand.jmxWanted(false, false, absent)).isFalse();
        assertThat(StartCommand.jmxWanted(false, false, on)).isTrue();
        assertThat(StartCommand.jmxWanted(false, true, on)).as("--no-jmx wins over the file").isFalse();
        assertThat(StartCommand.jmxWanted(true, false, off)).as("--jmx wins over the file").isTrue();
        // The engine never sees the key: applying the file leaves the defaults.
        assertThat(config("jmx = true\n")).isEqualTo(config(""));
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "mode = auto\njmx = yes\n"))
                .hasMessage(FILE + ":2: jmx: must be true or false but was \"yes\"");
    }
}
