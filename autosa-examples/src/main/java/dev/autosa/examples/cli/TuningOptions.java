// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.core.AutoSA;
import dev.autosa.core.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The engine settings {@code start} and {@code replay} share. The configuration file and the flags
 * drive the same builder setters: each flag given replaces the file's key, so flags override the
 * file and every value is validated once, by the library; an error names the flag or the file's
 * line.
 */
public final class TuningOptions {

    @Option(names = "--collection-interval", paramLabel = "SECS", converter = SecondsConverter.class,
            description = "Seconds between two samples (default 1).")
    @Nullable Duration collectionInterval;

    @Option(names = "--aggregation-window", paramLabel = "SECS", converter = SecondsConverter.class,
            description = "Seconds of history the classifier sees (default 60).")
    @Nullable Duration aggregationWindow;

    @Option(names = "--min-confidence", paramLabel = "X",
            description = "A recommendation below this confidence (0..1) never switches (default 0.7).")
    @Nullable Double minConfidence;

    @Option(names = "--min-switch-interval", paramLabel = "SECS", converter = SecondsConverter.class,
            description = "Least seconds between two switches (default 300).")
    @Nullable Duration minSwitchInterval;

    @Option(names = "--settle-period", paramLabel = "SECS", converter = SecondsConverter.class,
            description = "Seconds after a switch before its effect is measured (default 10).")
    @Nullable Duration settlePeriod;

    @Option(names = "--evaluation-period", paramLabel = "SECS", converter = SecondsConverter.class,
            description = "Seconds a switch is measured against the time before it (default 60).")
    @Nullable Duration evaluationPeriod;

    @Option(names = "--retry-lost-after", paramLabel = "SECS", converter = SecondsConverter.class,
            description = "A scheduler that made a workload worse is not tried for it again for SECS (default 86400).")
    @Nullable Duration retryLostAfter;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "auto (switch), recommend (report only) or dry-run (simulated switches).")
    @Nullable String mode;

    @Mixin
    ConfigOption config = new ConfigOption();

    /**
     * Applies the configuration file, then the flags, to {@code builder}.
     *
     * @param modeWithoutFlag the mode when no {@code --mode} is given
     * @param fileMayChooseMode whether the file's {@code mode} wins over {@code modeWithoutFlag}
     * @param skip further file keys a command sets itself (e.g. {@code --keep-scheduler})
     * @return the configuration file applied, or null when there is none
     */
    public @Nullable ConfigFile applyTo(AutoSA.Builder builder, Mode modeWithoutFlag, boolean fileMayChooseMode,
            Set<String> skip) {
        ConfigFile file = config.load();
        Set<String> flags = new HashSet<>(skip);
        given(flags, collectionInterval, "collection_interval_secs");
        given(flags, aggregationWindow, "aggregation_window_secs");
        given(flags, minConfidence, "min_confidence_threshold");
        given(flags, minSwitchInterval, "min_switch_interval_secs");
        given(flags, settlePeriod, "settle_period_secs");
        given(flags, evaluationPeriod, "evaluation_period_secs");
        given(flags, retryLostAfter, "retry_lost_after_secs");
        if (mode != null || !fileMayChooseMode) {
            flags.add("mode");
        }
        if (file != null) {
            file.applyTo(builder, flags);
        }
        set("--collection-interval", collectionInterval, builder::collectionInterval);
        set("--aggregation-window", aggregationWindow, builder::aggregationWindow);
        set("--min-confidence", minConfidence, builder::minConfidence);
        set("--min-switch-interval", minSwitchInterval, builder::minSwitchInterval);
        set("--settle-period", settlePeriod, builder::settlePeriod);
        set("--evaluation-period", evaluationPeriod, builder::evaluationPeriod);
        set("--retry-lost-after", retryLostAfter, builder::retryLostAfter);
        if (mode != null) {
            set("--mode", mode, m -> builder.mode(Mode.parse(m)));
        } else if (file == null || !file.has("mode") || !fileMayChooseMode) {
            builder.mode(modeWithoutFlag);
        }
        return file;
    }

    private static void given(Set<String> keys, @Nullable Object flag, String key) {
        if (flag != null) {
            keys.add(key);
        }
    }

    private static <T> void set(String flag, @Nullable T value, Consumer<T> setter) {
        if (value == null) {
            return;
        }
        try {
            setter.accept(value);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(flag + ": " + e.getMessage());
        }
    }

    /** {@code --config FILE}, shared by every command that needs settings ({@code list} included). */
    public static final class ConfigOption {

        @Option(names = "--config", paramLabel = "FILE",
                description = "Configuration file (default /etc/autosa/autosa.conf when it exists).")
        @Nullable Path path;

        /** The configuration file in force: --config, else the default file when it exists, else null. */
        public @Nullable ConfigFile load() {
            if (path != null) {
                return ConfigFile.load(path);
            }
            if (Files.isRegularFile(ConfigFile.DEFAULT_PATH)) {
                return ConfigFile.load(ConfigFile.DEFAULT_PATH);
            }
            return null;
        }
    }
}
