// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.Classification;
import dev.autosa.api.Decision;
import dev.autosa.api.SchedulerInfo;
import dev.autosa.api.Workload;
import dev.autosa.core.AutoSAConfig;
import dev.autosa.core.AutoSAStatus;
import dev.autosa.core.PreferenceTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of the control protocol and of {@code --json} output. Built by hand as trees
 * (no reflection), so field names are part of the documented interface, not of Java field names.
 */
public final class Json {

    /** One line per value: the control protocol and {@code replay --json}. */
    public static final Gson COMPACT = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    /** For people reading {@code status --json} and {@code list --json}. */
    public static final Gson PRETTY = new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting()
            .create();

    private Json() {
    }

    /** Facts about the daemon process that the engine does not know. */
    public record DaemonInfo(long pid, String version, String socket, @Nullable Instant startedAt) {
    }

    public static JsonObject status(AutoSAStatus s, AutoSAConfig config, DaemonInfo d) {
        JsonObject o = new JsonObject();
        o.addProperty("running", s.running());
        o.addProperty("pid", d.pid());
        o.addProperty("version", d.version());
        o.addProperty("socket", d.socket());
        Instant started = s.startedAt() != null ? s.startedAt() : d.startedAt();
        o.add("startedAt", instant(started));
        o.add("uptimeSeconds", started == null ? JsonNull.INSTANCE
                : new JsonPrimitive(Math.max(0, Duration.between(started, s.time()).toSeconds())));
        o.add("time", instant(s.time()));
        o.addProperty("mode", s.mode().id());
        o.addProperty("modeReason", s.modeReason());
        o.add("providers", stringMap(s.providers()));
        Classification c = s.classification();
        o.add("workload", c == null ? JsonNull.INSTANCE : new JsonPrimitive(c.workload().id()));
        o.add("confidence", c == null ? JsonNull.INSTANCE : new JsonPrimitive(round(c.confidence())));
        o.add("reasons", strings(c == null ? List.of() : c.reasons()));
        o.add("recommended", nullable(s.recommended()));
        o.add("active", active(s.active()));
        AutoSAStatus.SwitchRecord sw = s.lastSwitch();
        if (sw == null) {
            o.add("lastSwitch", JsonNull.INSTANCE);
        } else {
            JsonObject j = new JsonObject();
            j.add("time", instant(sw.time()));
            j.add("from", nullable(sw.from()));
            j.add("to", nullable(sw.to()));
            j.addProperty("reason", sw.reason());
            j.addProperty("simulated", sw.simulated());
            o.add("lastSwitch", j);
        }
        o.add("nextSwitchAllowedAt", instant(s.nextSwitchAllowedAt()));
        JsonArray failures = new JsonArray();
        for (AutoSAStatus.FailureRecord f : s.failures()) {
            JsonObject j = new JsonObject();
            j.addProperty("scheduler", f.scheduler());
            j.addProperty("failures", f.failures());
            j.add("lastFailure", instant(f.lastFailure()));
            j.addProperty("lastDetail", f.lastDetail());
            j.add("backoffUntil", instant(f.backoffUntil()));
            j.addProperty("blocklisted", f.blocklisted());
            failures.add(j);
        }
        o.add("failures", failures);
        List<Decision> recent = s.recentDecisions();
        o.add("lastDecision", recent.isEmpty() ? JsonNull.INSTANCE : decision(recent.get(recent.size() - 1)));
        JsonArray decisions = new JsonArray();
        for (Decision dec : recent.subList(Math.max(0, recent.size() - 10), recent.size())) {
            decisions.add(decision(dec));
        }
        o.add("recentDecisions", decisions);
        JsonObject counters = new JsonObject();
        s.counters().asMap().forEach(counters::addProperty);
        o.add("counters", counters);
        o.addProperty("ticks", s.ticks());
        o.addProperty("slowTicks", s.slowTicks());
        o.add("lastTickAt", instant(s.lastTickAt()));
        JsonObject health = new JsonObject();
        health.addProperty("state", s.health().state().id());
        health.addProperty("why", s.health().why());
        o.add("health", health);
        o.add("window", window(s.windowMeans()));
        o.add("config", config(config));
        return o;
    }

    /** The window's means by metric key, sorted, without keys that have no value. */
    public static JsonObject window(Map<String, Double> means) {
        JsonObject window = new JsonObject();
        new java.util.TreeMap<>(means).forEach((k, v) -> {
            if (v != null && !v.isNaN() && !v.isInfinite()) {
                window.addProperty(k, round(v));
            }
        });
        return window;
    }

    public static JsonObject config(AutoSAConfig c) {
        JsonObject o = new JsonObject();
        o.addProperty("collectionIntervalSecs", secs(c.collectionInterval()));
        o.addProperty("aggregationWindowSecs", secs(c.aggregationWindow()));
        o.addProperty("minConfidence", c.minConfidence());
        o.addProperty("minSwitchIntervalSecs", secs(c.minSwitchInterval()));
        o.addProperty("stabilityPeriodSecs", secs(c.stabilityPeriod()));
        o.addProperty("warmupSecs", secs(c.warmup()));
        o.addProperty("autoSwitch", c.autoSwitch());
        o.addProperty("keepSchedulerOnClose", c.keepSchedulerOnClose());
        return o;
    }

    public static JsonObject decision(Decision d) {
        JsonObject o = new JsonObject();
        o.add("time", instant(d.time()));
        o.addProperty("action", d.action().id());
        o.addProperty("workload", d.classification().workload().id());
        o.addProperty("confidence", round(d.classification().confidence()));
        o.add("recommended", nullable(d.recommended()));
        o.addProperty("reasonKind", d.reasonCode().kind().id());
        o.addProperty("reason", d.reason());
        return o;
    }

    /** One line of {@code replay --json}. */
    public static JsonObject replayLine(long tMs, Decision d) {
        JsonObject o = new JsonObject();
        o.addProperty("t_ms", tMs);
        o.addProperty("workload", d.classification().workload().id());
        o.addProperty("confidence", round(d.classification().confidence()));
        o.add("recommended", nullable(d.recommended()));
        o.addProperty("action", d.action().id());
        o.addProperty("reasonKind", d.reasonCode().kind().id());
        o.addProperty("reason", d.reason());
        return o;
    }

    public static JsonObject active(ActiveScheduler a) {
        JsonObject o = new JsonObject();
        o.addProperty("state", a.state().id());
        o.add("ops", nullable(a.ops()));
        o.add("scheduler", nullable(a.scheduler()));
        o.addProperty("pid", a.pid());
        o.addProperty("managed", a.managed());
        o.addProperty("display", a.displayName());
        return o;
    }

    /**
     * The scheduler catalog for {@code list}: the controller's entries (plus the schedulers the
     * preferences name, as not installed), what each suits, and which one runs.
     *
     * @param catalog the controller's catalog, or null when no controller is available
     * @param controller the controller's name, or null
     * @param unavailable why no controller is available (empty when one is)
     */
    public static JsonObject catalog(@Nullable List<SchedulerInfo> catalog, @Nullable String controller,
            String unavailable, ActiveScheduler active, PreferenceTable preferences) {
        Map<String, JsonObject> byName = new LinkedHashMap<>();
        if (catalog != null) {
            for (SchedulerInfo i : catalog) {
                JsonObject j = new JsonObject();
                j.addProperty("name", i.name());
                j.addProperty("installed", i.installed());
                j.add("path", i.path() == null ? JsonNull.INSTANCE : new JsonPrimitive(i.path().toString()));
                j.addProperty("description", i.description());
                j.addProperty("refusedReason", i.refusedReason());
                byName.put(i.name(), j);
            }
        }
        // The controller's catalog describes each scheduler; what the preferences name beyond it is
        // listed as not installed.
        for (List<String> names : preferences.preferences().values()) {
            for (String name : names) {
                byName.computeIfAbsent(name, n -> {
                    JsonObject j = new JsonObject();
                    j.addProperty("name", n);
                    j.addProperty("installed", false);
                    j.add("path", JsonNull.INSTANCE);
                    j.addProperty("description", "");
                    j.addProperty("refusedReason", catalog == null ? unavailable : "not in the controller's catalog");
                    return j;
                });
            }
        }
        JsonArray list = new JsonArray();
        for (JsonObject j : byName.values()) {
            String name = j.get("name").getAsString();
            List<String> goodFor = new ArrayList<>();
            for (Map.Entry<Workload, List<String>> e : preferences.preferences().entrySet()) {
                int rank = e.getValue().indexOf(name);
                if (rank >= 0) {
                    goodFor.add(e.getKey().id() + (rank == 0 ? "" : " (fallback " + rank + ")"));
                }
            }
            j.add("preferredFor", strings(goodFor));
            j.addProperty("active", name.equals(active.scheduler()));
            list.add(j);
        }
        JsonObject o = new JsonObject();
        o.add("controller", nullable(controller));
        o.addProperty("controllerUnavailable", unavailable);
        o.add("active", active(active));
        o.add("schedulers", list);
        return o;
    }

    private static JsonElement instant(@Nullable Instant i) {
        return i == null ? JsonNull.INSTANCE : new JsonPrimitive(i.toString());
    }

    private static JsonElement nullable(@Nullable String s) {
        return s == null ? JsonNull.INSTANCE : new JsonPrimitive(s);
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static JsonObject stringMap(Map<String, String> m) {
        JsonObject o = new JsonObject();
        m.forEach(o::addProperty);
        return o;
    }

    private static double secs(Duration d) {
        return d.toMillis() / 1000.0;
    }

    /** Four decimals: enough for shares and rates, and stable in tests. */
    public static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
