// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.api.Workload;
import dev.autosa.core.AutoSA;
import dev.autosa.core.Mode;
import dev.autosa.core.PreferenceTable;
import dev.autosa.core.Threshold;
import dev.autosa.core.Thresholds;
import dev.autosa.examples.metrics.MetricsAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code autosa.conf}: {@code key = value} lines, {@code #} comments, values optionally in
 * double quotes and lists as {@code a, b} or {@code ["a", "b"]} (a TOML-like subset). Keys follow
 * the original AutoSA ({@code collection_interval_secs}, {@code aggregation_window_secs},
 * {@code min_confidence_threshold}, {@code min_switch_interval_secs}, {@code enable_auto_switch})
 * plus {@code mode}, {@code stability_period_secs}, {@code warmup_secs},
 * {@code keep_scheduler_on_close}, {@code prefer.<workload>} (one of the standard workloads),
 * {@code args.<scx_name>}, {@code threshold.<key>} (the default classifier's {@link Threshold}s), and
 * provider settings ({@code scx_trusted_dirs},
 * {@code scx_start_timeout_secs}, {@code scx_stop_timeout_secs}, {@code scx_orphan_policy},
 * {@code scx_run_dir}: any {@code scx_*} key goes to the sched_ext controller, which checks it),
 * the closed loop's {@code experiments}, {@code settle_period_secs}, {@code evaluation_period_secs} and
 * {@code retry_lost_after_secs}, and the daemon's {@code metrics_listen} ({@code IP:PORT} of the
 * Prometheus endpoint, off when absent), {@code state_dir} (where it keeps the outcome history) and
 * {@code jmx} ({@code true} registers the MXBean; off when absent).
 *
 * <p>Parsing checks only the file's shape; {@link #applyTo} then drives the same
 * {@link AutoSA.Builder} setters the flags use, so the messages are the library's, prefixed with
 * the file, line and key. What only the build can check (a provider setting, a scheduler's flags)
 * is traced back to its line by {@link #locate}.
 */
public final class ConfigFile {

    /** The daemon's own key (not an engine setting): {@code IP:PORT} of the Prometheus endpoint. */
    static final String METRICS_LISTEN = "metrics_listen";
    /** The daemon's own key: the state directory (outcome history). */
    static final String STATE_DIR = "state_dir";
    /** The daemon's own key: {@code true} registers the MXBean, which is off by default. */
    static final String JMX = "jmx";

    /** Read when it exists and no {@code --config} is given. */
    public static final Path DEFAULT_PATH = Path.of("/etc/autosa/autosa.conf");

    /** The keys the file may hold, besides {@code prefer.*}, {@code args.*} and {@code scx_*}. */
    public static final List<String> KEYS = List.of("collection_interval_secs", "aggregation_window_secs",
            "min_confidence_threshold", "min_switch_interval_secs", "enable_auto_switch", "mode",
            "stability_period_secs", "warmup_secs", "keep_scheduler_on_close", "experiments",
            "settle_period_secs", "evaluation_period_secs", "retry_lost_after_secs", METRICS_LISTEN, STATE_DIR, JMX);

    /** The workloads {@code prefer.*} may name: the standard ones the built-in classifier reports. */
    static final List<Workload> WORKLOADS = List.of(Workload.IDLE, Workload.CPU_BOUND, Workload.IO_BOUND,
            Workload.MEMORY_BOUND, Workload.LATENCY_SENSITIVE, Workload.MIXED);

    /** One {@code key = value} line. */
    record Entry(String key, String value, int line) {
    }

    private final Path path;
    private final Map<String, Entry> entries;
    private final @Nullable MetricsAddress metricsListen;
    private final Thresholds thresholds;
    private final @Nullable Path stateDir;
    private final @Nullable Boolean jmx;

    private ConfigFile(Path path, Map<String, Entry> entries) {
        this.path = path;
        this.entries = entries;
        Entry m = entries.get(METRICS_LISTEN);
        try {
            this.metricsListen = m == null ? null : MetricsAddress.parse(m.value());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(path + ":" + m.line() + ": " + METRICS_LISTEN + ": " + e.getMessage());
        }
        Thresholds t = Thresholds.ofDefaults();
        for (Entry e : entries.values()) {
            if (e.key().startsWith("threshold.")) {
                try {
                    t = t.with(Threshold.ofKey(e.key().substring("threshold.".length())), number(e.value()));
                } catch (IllegalArgumentException ex) {
                    throw CliException.usage(path + ":" + e.line() + ": " + e.key() + ": " + ex.getMessage());
                }
            }
        }
        this.thresholds = t;
        Entry d = entries.get(STATE_DIR);
        try {
            this.stateDir = d == null ? null : StateDirectory.check(d.value());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(path + ":" + d.line() + ": " + STATE_DIR + ": " + e.getMessage());
        }
        Entry j = entries.get(JMX);
        try {
            this.jmx = j == null ? null : bool(j.value());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(path + ":" + j.line() + ": " + JMX + ": " + e.getMessage());
        }
    }

    /** The file's {@code jmx}, or null when absent. */
    public @Nullable Boolean jmx() {
        return jmx;
    }

    /** The file's {@code state_dir}, or null when absent. */
    public @Nullable Path stateDir() {
        return stateDir;
    }

    /** The default classifier's thresholds the file overrides ({@code threshold.<key>}); none when absent. */
    public Thresholds thresholds() {
        return thresholds;
    }

    /** The file's {@code metrics_listen}, or null when absent. */
    public @Nullable MetricsAddress metricsListen() {
        return metricsListen;
    }

    /**
     * Loads {@code path}.
     *
     * @throws CliException (exit code 2) naming the file, line and key for a bad key or line
     */
    public static ConfigFile load(Path path) {
        String text = ConfigReader.read(path);
        return parse(path, text);
    }

    static ConfigFile parse(Path path, String text) {
        Map<String, Entry> entries = new LinkedHashMap<>();
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
            requireKnown(key, where);
            Entry earlier = entries.put(key, new Entry(key, unquote(line.substring(eq + 1).strip()), lineNo));
            if (earlier != null) {
                throw CliException.usage(where + ": key " + key + " was already set on line " + earlier.line());
            }
        }
        return new ConfigFile(path, entries);
    }

    private static void requireKnown(String key, String where) {
        if (KEYS.contains(key) || key.startsWith("args.") || key.startsWith("scx_") || key.startsWith("threshold.")) {
            return;
        }
        if (key.startsWith("prefer.")) {
            String id = key.substring("prefer.".length());
            if (WORKLOADS.stream().noneMatch(w -> w.id().equals(id))) {
                throw CliException.usage(where + ": " + key + ": unknown workload \"" + id + "\" (known: "
                        + String.join(", ", WORKLOADS.stream().map(Workload::id).toList()) + ")");
            }
            return;
        }
        throw CliException.usage(where + ": unknown key " + key + " (known: " + String.join(", ", KEYS)
                + ", prefer.<workload>, args.<scx_name>, threshold.<key>, scx_<setting>)");
    }

    public Path path() {
        return path;
    }

    /** Whether the file sets {@code key}. */
    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /**
     * Drives the builder's setters with every setting of the file except those in {@code skip}
     * (given as flags, which win).
     *
     * @throws CliException (exit code 2) naming the file, line and key, with the builder's message
     */
    public void applyTo(AutoSA.Builder b, Set<String> skip) {
        PreferenceTable prefs = null;
        for (Entry e : entries.values()) {
            if (skip.contains(e.key()) || e.key().equals(METRICS_LISTEN) || e.key().equals(STATE_DIR)
                    || e.key().equals(JMX)) {
                continue;
            }
            try {
                if (e.key().startsWith("threshold.")) {
                    continue; // read at parse time, set once below
                }
                if (e.key().startsWith("prefer.")) {
                    Workload w = Workload.of(e.key().substring("prefer.".length()));
                    prefs = (prefs != null ? prefs : PreferenceTable.defaults()).with(w, list(e.value()));
                } else {
                    apply(b, e.key(), e.value());
                }
            } catch (IllegalArgumentException | IllegalStateException | NullPointerException ex) {
                throw CliException.usage(path + ":" + e.line() + ": " + e.key() + ": " + ex.getMessage());
            }
        }
        if (prefs != null) {
            b.preferences(prefs);
        }
        if (thresholds.hasOverrides() && !skip.contains("threshold.")) {
            b.thresholds(thresholds);
        }
    }

    private static void apply(AutoSA.Builder b, String key, String value) {
        switch (key) {
            case "collection_interval_secs" -> b.collectionInterval(seconds(value));
            case "aggregation_window_secs" -> b.aggregationWindow(seconds(value));
            case "min_confidence_threshold" -> b.minConfidence(number(value));
            case "min_switch_interval_secs" -> b.minSwitchInterval(seconds(value));
            case "stability_period_secs" -> b.stabilityPeriod(seconds(value));
            case "warmup_secs" -> b.warmup(seconds(value));
            case "enable_auto_switch" -> b.autoSwitch(bool(value));
            case "keep_scheduler_on_close" -> b.keepSchedulerOnClose(bool(value));
            case "mode" -> b.mode(Mode.parse(value));
            case "experiments" -> b.experiments(bool(value));
            case "settle_period_secs" -> b.settlePeriod(seconds(value));
            case "evaluation_period_secs" -> b.evaluationPeriod(seconds(value));
            case "retry_lost_after_secs" -> b.retryLostAfter(seconds(value));
            default -> {
                if (key.startsWith("args.")) {
                    b.schedulerArgs(key.substring("args.".length()),
                            value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+")));
                } else {
                    // Provider settings are plain text: the file's list syntax becomes "a,b".
                    b.providerSetting(key, value.startsWith("[") || value.contains("\"")
                            ? String.join(",", list(value)) : value);
                }
            }
        }
    }

    /**
     * The place in the file of the setting an error from {@code build()} is about (a provider
     * setting names its key first; a scheduler's flags are "scheduler args for scx_x"), as
     * {@code "FILE:LINE: "}, or empty when the error is not about a line of this file.
     */
    public String locate(@Nullable String message) {
        if (message == null) {
            return "";
        }
        for (Entry e : entries.values()) {
            String subject = e.key().startsWith("args.") ? "scheduler args for " + e.key().substring("args.".length())
                    : e.key();
            if (message.startsWith(subject + " ") || message.startsWith(subject + ":")) {
                return path + ":" + e.line() + ": ";
            }
        }
        return "";
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
}
