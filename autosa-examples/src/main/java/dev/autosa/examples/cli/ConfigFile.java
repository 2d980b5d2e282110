// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.api.Workload;
import dev.autosa.core.AutoSA;
import dev.autosa.core.AutoSAConfig;
import dev.autosa.core.Mode;
import dev.autosa.core.PreferenceTable;
import dev.autosa.core.Threshold;
import dev.autosa.core.Thresholds;
import dev.autosa.examples.metrics.MetricsAddress;
import dev.autosa.proc.linux.ScxControllerConfig;
import dev.autosa.proc.linux.ScxControllerConfig.OrphanPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code autosa.conf}: {@code key = value} lines, {@code #} comments, values optionally in
 * double quotes and lists as {@code a, b} or {@code ["a", "b"]} (a TOML-like subset). Keys follow
 * the original AutoSA ({@code collection_interval_secs}, {@code aggregation_window_secs},
 * {@code min_confidence_threshold}, {@code min_switch_interval_secs}, {@code enable_auto_switch})
 * plus {@code mode}, {@code stability_period_secs}, {@code warmup_secs},
 * {@code keep_scheduler_on_close}, {@code prefer.<workload>}, {@code args.<scx_name>} and
 * {@code threshold.<key>} (the default classifier's {@link Threshold}s), and the
 * settings of the sched_ext controller: {@code scx_trusted_dirs}, {@code scx_start_timeout_secs},
 * {@code scx_stop_timeout_secs}, {@code scx_orphan_policy} ({@code leave}, {@code adopt} or
 * {@code stop}) and {@code scx_run_dir}; and {@code metrics_listen} ({@code IP:PORT} of the
 * Prometheus endpoint, off when absent).
 *
 * <p>Each value is checked by the same {@link AutoSA.Builder} setter the flags use (the controller's
 * by {@link ScxControllerConfig}), so the messages are the library's, prefixed with the file, line
 * and key.
 */
public final class ConfigFile {

    /** Read when it exists and no {@code --config} is given. */
    public static final Path DEFAULT_PATH = Path.of("/etc/autosa/autosa.conf");

    /** The keys the file may hold, besides {@code prefer.*} and {@code args.*}. */
    public static final List<String> KEYS = List.of("collection_interval_secs", "aggregation_window_secs",
            "min_confidence_threshold", "min_switch_interval_secs", "enable_auto_switch", "mode",
            "stability_period_secs", "warmup_secs", "keep_scheduler_on_close", "scx_trusted_dirs",
            "scx_start_timeout_secs", "scx_stop_timeout_secs", "scx_orphan_policy", "scx_run_dir",
            "metrics_listen");

    /**
     * The file's settings as a whole configuration, plus whether it named a warm-up (without one
     * the CLI derives it from the final aggregation window, as the builder does), and the settings
     * of the sched_ext controller (the defaults where the file names none).
     */
    public record Loaded(Path path, AutoSAConfig config, boolean warmupGiven, ScxControllerConfig scx,
            @Nullable MetricsAddress metricsListen, Thresholds thresholds) {
    }

    private ConfigFile() {
    }

    /**
     * Loads {@code path}.
     *
     * @throws CliException (exit code 2) naming the file, line and key for a bad key or value
     */
    public static Loaded load(Path path) {
        String text = ConfigReader.read(path);
        return parse(path, text);
    }

    static Loaded parse(Path path, String text) {
        AutoSAConfig d = AutoSAConfig.ofDefaults();
        Values v = new Values(d);
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = path + ":" + lineNo;
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw CliException.usage(where + ": expected 'key = value' but was \"" + line + "\"");
            }
            String key = line.substring(0, eq).strip();
            String value = unquote(line.substring(eq + 1).strip());
            Integer earlier = seen.put(key, lineNo);
            if (earlier != null) {
                throw CliException.usage(where + ": key " + key + " was already set on line " + earlier);
            }
            try {
                apply(v, key, value, where);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw CliException.usage(where + ": " + key + ": " + e.getMessage());
            }
        }
        Duration warmup = v.warmup != null ? v.warmup : v.window.dividedBy(2);
        try {
            AutoSAConfig c = new AutoSAConfig(v.interval, v.window, v.minConfidence, v.minSwitchInterval,
                    v.stabilityPeriod, warmup, v.autoSwitch, v.mode, d.failureBackoff(), d.maxFailureBackoff(),
                    d.blocklistAfter(), v.keepScheduler, d.decisionLogSize(), v.preferences, v.args);
            return new Loaded(path, c, v.warmup != null, v.scx, v.metricsListen, v.thresholds);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(path + ": " + e.getMessage());
        }
    }

    private static void apply(Values v, String key, String value, String where) {
        switch (key) {
            case "collection_interval_secs" -> v.interval = check(seconds(value), b -> AutoSA.builder().collectionInterval(b));
            case "aggregation_window_secs" -> v.window = check(seconds(value), b -> AutoSA.builder().aggregationWindow(b));
            case "min_confidence_threshold" -> {
                double c = number(value);
                AutoSA.builder().minConfidence(c);
                v.minConfidence = c;
            }
            case "min_switch_interval_secs" -> v.minSwitchInterval = check(seconds(value), b -> AutoSA.builder().minSwitchInterval(b));
            case "stability_period_secs" -> v.stabilityPeriod = check(seconds(value), b -> AutoSA.builder().stabilityPeriod(b));
            case "warmup_secs" -> v.warmup = check(seconds(value), b -> AutoSA.builder().warmup(b));
            case "enable_auto_switch" -> v.autoSwitch = bool(value);
            case "keep_scheduler_on_close" -> v.keepScheduler = bool(value);
            case "mode" -> v.mode = Mode.parse(value);
            case "scx_trusted_dirs" -> {
                List<String> dirs = list(value);
                if (dirs.isEmpty()) {
                    throw new IllegalArgumentException("must name at least one directory but was empty");
                }
                v.scx = v.scx.withTrustedDirs(dirs.stream().map(Path::of).toList());
            }
            case "scx_start_timeout_secs" -> v.scx = v.scx.withStartTimeout(seconds(value));
            case "scx_stop_timeout_secs" -> v.scx = v.scx.withStopTimeout(seconds(value));
            case "scx_orphan_policy" -> v.scx = v.scx.withOrphanPolicy(orphanPolicy(value));
            case "scx_run_dir" -> v.scx = v.scx.withRunDir(Path.of(value));
            case "metrics_listen" -> v.metricsListen = MetricsAddress.parse(value);
            default -> {
                if (key.startsWith("prefer.")) {
                    Workload w = Workload.of(key.substring("prefer.".length()));
                    v.preferences = v.preferences.with(w, list(value));
                } else if (key.startsWith("threshold.")) {
                    Threshold t = Threshold.ofKey(key.substring("threshold.".length()));
                    v.thresholds = v.thresholds.with(t, number(value));
                } else if (key.startsWith("args.")) {
                    String scheduler = key.substring("args.".length());
                    List<String> args = value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+"));
                    AutoSA.builder().schedulerArgs(scheduler, args);
                    v.args.put(scheduler, args);
                } else {
                    throw CliException.usage(where + ": unknown key " + key + " (known: " + String.join(", ", KEYS)
                            + ", prefer.<workload>, args.<scx_name>, threshold.<key>)");
                }
            }
        }
    }

    private static Duration check(Duration d, Consumer<Duration> validator) {
        validator.accept(d);
        return d;
    }

    /** Seconds as a number, decimals allowed ({@code 0.5} is 500 ms). */
    static Duration seconds(String value) {
        double s = number(value);
        if (Math.abs(s) > 1e12) {
            throw new IllegalArgumentException("must be a number of seconds but was \"" + value + "\"");
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static double number(String value) {
        try {
            double d = Double.parseDouble(value);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number but was \"" + value + "\"");
        }
    }

    private static OrphanPolicy orphanPolicy(String value) {
        return switch (value) {
            case "leave" -> OrphanPolicy.LEAVE;
            case "adopt" -> OrphanPolicy.ADOPT;
            case "stop" -> OrphanPolicy.STOP;
            default -> throw new IllegalArgumentException("must be leave, adopt or stop but was \"" + value + "\"");
        };
    }

    private static boolean bool(String value) {
        if (value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("must be true or false but was \"" + value + "\"");
    }

    private static List<String> list(String value) {
        String v = value;
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String part : v.split(",")) {
            String p = unquote(part.strip());
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** The settings the file can change, starting from the defaults. */
    private static final class Values {
        Duration interval;
        Duration window;
        double minConfidence;
        Duration minSwitchInterval;
        Duration stabilityPeriod;
        @Nullable Duration warmup;
        boolean autoSwitch;
        Mode mode;
        boolean keepScheduler;
        PreferenceTable preferences;
        final Map<String, List<String>> args = new LinkedHashMap<>();
        ScxControllerConfig scx = ScxControllerConfig.ofDefaults();
        @Nullable MetricsAddress metricsListen;
        Thresholds thresholds = Thresholds.ofDefaults();

        Values(AutoSAConfig d) {
            interval = d.collectionInterval();
            window = d.aggregationWindow();
            minConfidence = d.minConfidence();
            minSwitchInterval = d.minSwitchInterval();
            stabilityPeriod = d.stabilityPeriod();
            autoSwitch = d.autoSwitch();
            mode = d.mode();
            keepScheduler = d.keepSchedulerOnClose();
            preferences = d.preferences();
        }
    }
}
