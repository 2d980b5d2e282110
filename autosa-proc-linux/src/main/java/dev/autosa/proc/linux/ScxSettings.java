// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import dev.autosa.api.ProviderSettings;
import dev.autosa.proc.linux.ScxControllerConfig.OrphanPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sched_ext controller's settings as text ({@code scx_*} keys of {@link ProviderSettings}, e.g.
 * from the daemon's configuration file), applied to a {@link ScxControllerConfig}. Each error starts
 * with the key.
 */
public final class ScxSettings {

    /** The prefix {@link ScxProcessController} claims. */
    public static final String PREFIX = "scx_";

    /** The keys, with what each takes. */
    public static final Map<String, String> KEYS = Map.of(
            "scx_trusted_dirs", "absolute directories, comma separated",
            "scx_start_timeout_secs", "seconds",
            "scx_stop_timeout_secs", "seconds",
            "scx_orphan_policy", "leave, adopt or stop",
            "scx_run_dir", "an absolute directory",
            "scx_proc_root", "an absolute directory",
            "scx_sysfs_root", "an absolute directory");

    private ScxSettings() {
    }

    /**
     * {@code base} with every {@code scx_*} setting applied.
     *
     * @param base the configuration to start from
     * @param settings the provider settings; only keys starting with {@code scx_} are read
     * @return {@code base} with those settings
     * @throws IllegalArgumentException for an unknown key or a bad value, starting with the key
     */
    public static ScxControllerConfig apply(ScxControllerConfig base, ProviderSettings settings) {
        ScxControllerConfig c = base;
        for (Map.Entry<String, String> e : settings.withPrefix(PREFIX).values().entrySet()) {
            String key = e.getKey();
            String value = e.getValue().strip();
            try {
                c = switch (key) {
                    case "scx_trusted_dirs" -> c.withTrustedDirs(dirs(value));
                    case "scx_start_timeout_secs" -> c.withStartTimeout(seconds(value));
                    case "scx_stop_timeout_secs" -> c.withStopTimeout(seconds(value));
                    case "scx_orphan_policy" -> c.withOrphanPolicy(orphanPolicy(value));
                    case "scx_run_dir" -> c.withRunDir(Path.of(value));
                    case "scx_proc_root" -> c.withProcRoot(Path.of(value));
                    case "scx_sysfs_root" -> c.withSysfsRoot(Path.of(value));
                    default -> throw new IllegalArgumentException("not a setting of the sched_ext controller (known: "
                            + String.join(", ", new java.util.TreeSet<>(KEYS.keySet())) + ")");
                };
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(key + ": " + ex.getMessage(), ex);
            }
        }
        return c;
    }

    private static List<Path> dirs(String value) {
        List<Path> dirs = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                dirs.add(Path.of(part.strip()));
            }
        }
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("must name at least one directory but was empty");
        }
        return dirs;
    }

    /** Seconds, decimals allowed; the config checks the range. */
    private static Duration seconds(String value) {
        double s;
        try {
            s = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            s = Double.NaN;
        }
        if (Double.isNaN(s) || Math.abs(s) > 1e9) {
            throw new IllegalArgumentException("must be a number but was \"" + value + "\"");
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static OrphanPolicy orphanPolicy(String value) {
        return switch (value) {
            case "leave" -> OrphanPolicy.LEAVE;
            case "adopt" -> OrphanPolicy.ADOPT;
            case "stop" -> OrphanPolicy.STOP;
            default -> throw new IllegalArgumentException("must be leave, adopt or stop but was \"" + value + "\"");
        };
    }
}
