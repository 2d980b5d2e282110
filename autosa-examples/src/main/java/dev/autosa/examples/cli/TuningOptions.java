// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.core.AutoSA;
import dev.autosa.core.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The engine settings {@code start} and {@code replay} share. The configuration file is applied
 * first ({@code builder.config(file)}), then each flag given, so flags override the file and every
 * value is validated by the library's own setter; an error names the flag and the value.
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

    @Option(names = "--mode", paramLabel = "MODE",
            description = "auto (switch), recommend (report only) or dry-run (simulated switches).")
    @Nullable String mode;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default /etc/autosa/autosa.conf when it exists).")
    @Nullable Path config;

    /** The configuration file in force: --config, else the default file when it exists. */
    public ConfigFile.@Nullable Loaded loadConfig() {
        if (config != null) {
            return ConfigFile.load(config);
        }
        if (Files.isRegularFile(ConfigFile.DEFAULT_PATH)) {
            return ConfigFile.load(ConfigFile.DEFAULT_PATH);
        }
        return null;
    }

    /** The mode flag, parsed; null when not given. */
    public @Nullable Mode parsedMode() {
        if (mode == null) {
            return null;
        }
        try {
            return Mode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--mode: " + e.getMessage());
        }
    }

    /**
     * Applies the configuration file, then the flags, to {@code builder}.
     *
     * @param modeOverride the mode to use when no flag names one (it overrides the file), or null
     * @return the configuration file applied, or null when there is none
     */
    public ConfigFile.@Nullable Loaded applyTo(AutoSA.Builder builder, @Nullable Mode modeOverride) {
        ConfigFile.Loaded file = loadConfig();
        if (file != null) {
            builder.config(file.config());
            if (file.thresholds().hasOverrides()) {
                builder.thresholds(file.thresholds());
            }
        }
        set("--collection-interval", collectionInterval, builder::collectionInterval);
        set("--aggregation-window", aggregationWindow, builder::aggregationWindow);
        set("--min-confidence", minConfidence, builder::minConfidence);
        set("--min-switch-interval", minSwitchInterval, builder::minSwitchInterval);
        Mode m = parsedMode();
        if (m == null && modeOverride != null) {
            m = modeOverride;
        }
        if (m != null) {
            builder.mode(m);
        }
        // The builder derives the warm-up (half the window) only when no whole config is given;
        // with a file, a window flag must move the derived warm-up along.
        if (file != null && !file.warmupGiven() && aggregationWindow != null) {
            builder.warmup(aggregationWindow.dividedBy(2));
        }
        return file;
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
}
