// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.autosa.api.AutoSAEvent;
import dev.autosa.core.ExperimentStatus;
import dev.autosa.core.OutcomeRecord;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The closed loop in JSON ({@code status --json}'s {@code experiments}, {@code history --json}) and
 * as text: the objective, the switch under test, the last verdict and the outcome table.
 */
public final class ExperimentJson {

    private ExperimentJson() {
    }

    /**
     * The closed loop as {@code status --json} carries it.
     *
     * @param x from {@code AutoSA.experiments()}
     * @return the {@code experiments} object
     */
    public static JsonObject status(ExperimentStatus x) {
        JsonObject o = new JsonObject();
        o.addProperty("enabled", x.enabled());
        JsonObject obj = new JsonObject();
        obj.addProperty("name", x.objective());
        obj.addProperty("unit", x.unit());
        obj.addProperty("direction", x.direction().id());
        obj.add("last", number(x.lastValue()));
        o.add("objective", obj);
        o.addProperty("settleSeconds", x.settlePeriod().toMillis() / 1000.0);
        o.addProperty("evaluationSeconds", x.evaluationPeriod().toMillis() / 1000.0);
        ExperimentStatus.Running r = x.running();
        if (r == null) {
            o.add("running", JsonNull.INSTANCE);
        } else {
            JsonObject j = new JsonObject();
            j.addProperty("workload", r.workload().id());
            j.add("from", nullable(r.from()));
            j.add("to", nullable(r.to()));
            j.addProperty("since", r.since().toString());
            j.addProperty("phase", r.phase());
            j.addProperty("elapsedSeconds", r.elapsed().toSeconds());
            j.addProperty("baselineSamples", r.baselineSamples());
            j.add("baselineMedian", number(r.baselineMedian()));
            j.add("currentMedian", number(r.currentMedian()));
            o.add("running", j);
        }
        o.add("lastVerdict", x.lastVerdict() == null ? JsonNull.INSTANCE : verdict(x.lastVerdict()));
        o.add("heldWorkload", x.heldWorkload() == null ? JsonNull.INSTANCE : new JsonPrimitive(x.heldWorkload().id()));
        o.addProperty("machine", x.machine());
        o.addProperty("store", x.store());
        o.add("history", history(x.history()));
        return o;
    }

    /**
     * One experiment's verdict.
     *
     * @param v the event
     * @return its JSON form
     */
    public static JsonObject verdict(AutoSAEvent.Evaluated v) {
        JsonObject j = new JsonObject();
        j.addProperty("time", v.time().toString());
        j.addProperty("workload", v.workload().id());
        j.add("from", nullable(v.from()));
        j.add("to", nullable(v.to()));
        j.addProperty("verdict", v.verdict().id());
        j.addProperty("reverted", v.reverted());
        j.addProperty("objective", v.objective());
        j.addProperty("unit", v.unit());
        j.add("before", number(v.before()));
        j.add("after", number(v.after()));
        j.add("pValue", number(v.pValue()));
        j.addProperty("samplesBefore", v.samplesBefore());
        j.addProperty("samplesAfter", v.samplesAfter());
        j.addProperty("afterSeconds", v.since().toSeconds());
        j.addProperty("explanation", v.explanation());
        return j;
    }

    /**
     * The outcome table.
     *
     * @param records the history's records
     * @return one object per record
     */
    public static JsonArray history(List<OutcomeRecord> records) {
        JsonArray a = new JsonArray();
        for (OutcomeRecord r : records) {
            JsonObject j = new JsonObject();
            j.addProperty("machine", r.machine());
            j.addProperty("objective", r.objective());
            j.addProperty("workload", r.workload().id());
            j.addProperty("scheduler", r.scheduler());
            j.addProperty("schedulerVersion", r.schedulerVersion());
            j.addProperty("trials", r.trials());
            j.addProperty("kept", r.kept());
            j.addProperty("reverted", r.reverted());
            j.addProperty("better", r.better());
            j.addProperty("inconclusive", r.inconclusive());
            j.add("medianChange", number(r.medianChange()));
            j.add("lastLost", r.lastLost() == null ? JsonNull.INSTANCE : new JsonPrimitive(r.lastLost().toString()));
            a.add(j);
        }
        return a;
    }

    /**
     * The table {@code autosa history} and {@code autosa status} print.
     *
     * @param history as {@link #history(List)} made it
     * @return lines, each ending with a line break
     */
    public static String table(JsonArray history) {
        if (history.isEmpty()) {
            return "no experiments recorded yet\n";
        }
        StringBuilder b = new StringBuilder();
        row(b, "WORKLOAD", "SCHEDULER", "TRIALS", "KEPT", "REVERTED", "BETTER", "INCONCLUSIVE", "MEDIAN CHANGE",
                "OBJECTIVE / MACHINE");
        for (JsonElement e : history) {
            JsonObject r = e.getAsJsonObject();
            JsonElement change = r.get("medianChange");
            row(b, r.get("workload").getAsString(), scheduler(r), count(r, "trials"),
                    count(r, "kept"), count(r, "reverted"), count(r, "better"), count(r, "inconclusive"),
                    change.isJsonNull() ? "-" : TextFormat.signed(change.getAsDouble(), 3),
                    r.get("objective").getAsString() + " / " + r.get("machine").getAsString());
            if (!r.get("lastLost").isJsonNull()) {
                b.append(TextFormat.left("", 18)).append(" last reverted ").append(r.get("lastLost").getAsString())
                        .append(Text.NL);
            }
        }
        return b.toString();
    }

    /** The scheduler's name, with its version where the history knows it ({@code scx_rusty 1.0.4}). */
    private static String scheduler(JsonObject r) {
        JsonElement v = r.get("schedulerVersion");
        String version = v == null || v.isJsonNull() ? "" : v.getAsString();
        return r.get("scheduler").getAsString() + (version.isEmpty() ? "" : " " + version);
    }

    /**
     * The lines {@code autosa status} adds for the closed loop.
     *
     * @param x as {@link #status(ExperimentStatus)} made it
     * @return lines, each ending with a line break
     */
    public static String text(JsonObject x) {
        StringBuilder b = new StringBuilder();
        JsonObject obj = x.getAsJsonObject("objective");
        JsonElement last = obj.get("last");
        line(b, "objective", obj.get("name").getAsString() + " " + (last.isJsonNull() ? "n/a"
                : TextFormat.fixed(last.getAsDouble(), 3)) + " " + obj.get("unit").getAsString() + " ("
                + obj.get("direction").getAsString() + ")" + (x.get("enabled").getAsBoolean() ? ""
                        : "; switches are not evaluated"));
        if (!x.get("running").isJsonNull()) {
            JsonObject r = x.getAsJsonObject("running");
            JsonElement base = r.get("baselineMedian");
            JsonElement now = r.get("currentMedian");
            line(b, "experiment", str(r.get("to"), "the kernel default") + " for " + r.get("workload").getAsString()
                    + ": " + r.get("phase").getAsString() + ", " + r.get("elapsedSeconds").getAsLong() + "s of "
                    + Math.round(x.get("settleSeconds").getAsDouble() + x.get("evaluationSeconds").getAsDouble())
                    + "s; baseline " + (base.isJsonNull() ? "n/a" : TextFormat.fixed(base.getAsDouble(), 3))
                    + " (" + r.get("baselineSamples").getAsInt() + " values), now "
                    + (now.isJsonNull() ? "n/a" : TextFormat.fixed(now.getAsDouble(), 3)));
        }
        if (!x.get("lastVerdict").isJsonNull()) {
            JsonObject v = x.getAsJsonObject("lastVerdict");
            line(b, "last verdict", v.get("time").getAsString() + ": " + v.get("explanation").getAsString());
        }
        if (!x.get("heldWorkload").isJsonNull()) {
            line(b, "held class", x.get("heldWorkload").getAsString());
        }
        line(b, "history", x.get("store").getAsString());
        for (String l : table(x.getAsJsonArray("history")).split("\n")) {
            b.append("  ").append(l).append('\n');
        }
        return b.toString();
    }

    private static String str(JsonElement e, String ifNull) {
        return e == null || e.isJsonNull() ? ifNull : e.getAsString();
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(TextFormat.left(label + ":", 14)).append(value).append(Text.NL);
    }

    private static String count(JsonObject o, String key) {
        return Integer.toString(o.get(key).getAsInt());
    }

    /** One line of the history table: the columns of {@code "%-18s %-14s %6s %5s %8s %6s %12s %14s  %s%n"}. */
    private static void row(StringBuilder b, String workload, String scheduler, String trials, String kept,
            String reverted, String better, String inconclusive, String change, String objective) {
        b.append(TextFormat.left(workload, 18)).append(' ').append(TextFormat.left(scheduler, 14)).append(' ')
                .append(TextFormat.right(trials, 6)).append(' ').append(TextFormat.right(kept, 5)).append(' ')
                .append(TextFormat.right(reverted, 8)).append(' ').append(TextFormat.right(better, 6)).append(' ')
                .append(TextFormat.right(inconclusive, 12)).append(' ').append(TextFormat.right(change, 14))
                .append("  ").append(objective).append(Text.NL);
    }

    private static JsonElement nullable(@Nullable String s) {
        return s == null ? JsonNull.INSTANCE : new JsonPrimitive(s);
    }

    private static JsonElement number(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(Json.round(v)) : JsonNull.INSTANCE;
    }
}
