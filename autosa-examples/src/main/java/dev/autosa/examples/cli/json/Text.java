// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Renders the JSON shapes of {@link Json} for people, so the client needs nothing but the JSON. */
public final class Text {

    /** Window metrics shown by {@code status}, with how to print them. */
    private static final String[][] KEY_METRICS = {
        {"cpu.busy", "cpu busy", "%"},
        {"cpu.iowait", "iowait", "%"},
        {"sched.ctx_switches_per_sec", "ctx switches", "/s"},
        {"sched.runnable_per_cpu", "runnable/cpu", ""},
        {"mem.used_fraction", "mem used", "%"},
        {"io.util", "disk util", "%"},
        {"psi.cpu.some", "psi cpu", "%"},
        {"psi.io.some", "psi io", "%"},
        {"psi.mem.some", "psi mem", "%"},
    };

    /** What {@code %n} printed: the platform's line separator. */
    static final String NL = System.lineSeparator();

    private Text() {
    }

    public static String status(JsonObject s) {
        StringBuilder b = new StringBuilder();
        b.append("autosa is running (pid ").append(s.get("pid").getAsLong());
        if (!s.get("uptimeSeconds").isJsonNull()) {
            b.append(", up ").append(duration(Duration.ofSeconds(s.get("uptimeSeconds").getAsLong())));
        }
        b.append(", version ").append(str(s, "version")).append(")\n");
        line(b, "mode", str(s, "mode") + " (" + str(s, "modeReason") + ")");
        if (s.get("workload").isJsonNull()) {
            line(b, "workload", "not classified yet");
        } else {
            line(b, "workload", str(s, "workload") + " (confidence "
                    + TextFormat.fixed(s.get("confidence").getAsDouble(), 2) + ")");
            for (JsonElement r : s.getAsJsonArray("reasons")) {
                b.append("                - ").append(r.getAsString()).append('\n');
            }
        }
        line(b, "recommended", s.get("recommended").isJsonNull() ? "kernel default (no sched_ext scheduler)"
                : str(s, "recommended"));
        JsonElement switching = s.get("switching");
        if (switching != null && switching.isJsonObject()) {
            JsonObject sw = switching.getAsJsonObject();
            line(b, "switching", "to " + orDefault(sw, "target") + " since " + str(sw, "since")
                    + "; the rest is as of " + str(s, "time"));
        }
        JsonObject active = s.getAsJsonObject("active");
        line(b, "kernel runs", str(active, "display") + (active.get("managed").getAsBoolean() ? " (started by autosa)"
                : active.get("state").getAsString().equals("disabled") ? "" : " (not started by autosa)"));
        if (s.get("lastSwitch").isJsonNull()) {
            line(b, "last switch", "none");
        } else {
            JsonObject sw = s.getAsJsonObject("lastSwitch");
            line(b, "last switch", str(sw, "time") + ": " + orDefault(sw, "from") + " -> " + orDefault(sw, "to")
                    + (sw.get("simulated").getAsBoolean() ? " (simulated)" : "") + ", " + str(sw, "reason"));
        }
        if (s.get("nextSwitchAllowedAt").isJsonNull()) {
            line(b, "next switch", "allowed now (if the policy agrees)");
        } else {
            String next = str(s, "nextSwitchAllowedAt");
            line(b, "next switch", "not before " + next + " (in "
                    + duration(TextFormat.between(str(s, "time"), next)) + ")");
        }
        JsonArray failures = s.getAsJsonArray("failures");
        if (failures.isEmpty()) {
            line(b, "failures", "none");
        } else {
            for (JsonElement e : failures) {
                JsonObject f = e.getAsJsonObject();
                String state = f.get("blocklisted").getAsBoolean() ? "blocklisted"
                        : f.get("backoffUntil").isJsonNull() ? "no backoff" : "backoff until " + str(f, "backoffUntil");
                line(b, "failure", str(f, "scheduler") + ": " + f.get("failures").getAsInt() + " failure(s), "
                        + state + "; last: " + str(f, "lastDetail"));
            }
        }
        if (!s.get("lastDecision").isJsonNull()) {
            JsonObject d = s.getAsJsonObject("lastDecision");
            line(b, "decision", str(d, "action") + ": " + str(d, "reason"));
        }
        line(b, "metrics", metrics(s.getAsJsonObject("window")));
        if (s.has("scxStats") && s.get("scxStats").isJsonObject()) {
            JsonObject x = s.getAsJsonObject("scxStats");
            String st = str(x, "status");
            line(b, "scx stats", st.equals("ok") ? x.getAsJsonObject("values").size() + " fields from "
                    + str(x, "socket") : st + ": " + str(x, "detail"));
        }
        JsonObject p = s.getAsJsonObject("providers");
        line(b, "providers", "metric source " + str(p, "metricSource") + ", classifier " + str(p, "classifier")
                + ", controller " + str(p, "controller"));
        JsonObject c = s.getAsJsonObject("counters");
        line(b, "ticks", s.get("ticks").getAsLong() + " (" + s.get("slowTicks").getAsLong() + " slow); decisions: "
                + num(c, "switches") + " switch, " + num(c, "holds") + " hold, " + num(c, "none") + " none, "
                + num(c, "failures") + " failures");
        if (s.has("experiments")) {
            b.append(ExperimentJson.text(s.getAsJsonObject("experiments")));
        }
        return b.toString();
    }

    public static String list(JsonObject l) {
        StringBuilder b = new StringBuilder();
        if (l.get("controller").isJsonNull()) {
            b.append("no scheduler controller: ").append(str(l, "controllerUnavailable")).append('\n');
        }
        b.append(TextFormat.left("", 3)).append(TextFormat.left("SCHEDULER", 16))
                .append(TextFormat.left("INSTALLED", 14)).append("GOOD FOR").append(NL);
        for (JsonElement e : l.getAsJsonArray("schedulers")) {
            JsonObject s = e.getAsJsonObject();
            String installed = s.get("installed").getAsBoolean() ? "yes" : "no";
            b.append(TextFormat.left(s.get("active").getAsBoolean() ? "*" : "", 3))
                    .append(TextFormat.left(str(s, "name"), 16)).append(TextFormat.left(installed, 14))
                    .append(str(s, "description")).append(NL);
            List<String> details = new ArrayList<>();
            if (!s.get("path").isJsonNull()) {
                details.add("path " + str(s, "path"));
            }
            String refused = str(s, "refusedReason");
            if (!refused.isEmpty() && !refused.equals(str(l, "controllerUnavailable"))) {
                details.add((s.get("installed").getAsBoolean() ? "" : "not usable: ") + str(s, "refusedReason"));
            }
            List<String> prefs = new ArrayList<>();
            s.getAsJsonArray("preferredFor").forEach(p -> prefs.add(p.getAsString()));
            if (!prefs.isEmpty()) {
                details.add("preferred for " + String.join(", ", prefs));
            }
            if (!details.isEmpty()) {
                b.append("                   ").append(String.join("; ", details)).append('\n');
            }
        }
        b.append("active: ").append(str(l.getAsJsonObject("active"), "display")).append('\n');
        return b.toString();
    }

    private static String metrics(JsonObject window) {
        List<String> parts = new ArrayList<>();
        for (String[] m : KEY_METRICS) {
            if (!window.has(m[0])) {
                continue;
            }
            double v = window.get(m[0]).getAsDouble();
            String shown = switch (m[2]) {
                case "%" -> TextFormat.fixed(100 * v, 1) + "%";
                case "/s" -> v >= 10_000 ? TextFormat.fixed(v / 1000, 1) + "k/s" : TextFormat.fixed(v, 0) + "/s";
                default -> TextFormat.fixed(v, 2);
            };
            parts.add(m[1] + " " + shown);
        }
        return parts.isEmpty() ? "no samples yet" : String.join(", ", parts);
    }

    /** {@code 3d 4h}, {@code 5m 3s}, {@code 42s}. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 86_400) {
            return s / 86_400 + "d " + (s % 86_400) / 3600 + "h";
        }
        if (s >= 3600) {
            return s / 3600 + "h " + (s % 3600) / 60 + "m";
        }
        if (s >= 60) {
            return s / 60 + "m " + s % 60 + "s";
        }
        return s + "s";
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(TextFormat.left(label + ":", 14)).append(value).append(NL);
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    private static String orDefault(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "kernel default" : e.getAsString();
    }

    private static long num(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? 0 : e.getAsLong();
    }
}
