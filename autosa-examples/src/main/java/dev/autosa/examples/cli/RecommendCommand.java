// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import com.google.gson.JsonObject;
import dev.autosa.api.Classification;
import dev.autosa.api.Decision;
import dev.autosa.core.AutoSA;
import dev.autosa.core.AutoSAStatus;
import dev.autosa.core.ExperimentStatus;
import dev.autosa.core.OutcomeRecord;
import dev.autosa.core.Mode;
import dev.autosa.examples.cli.json.ExperimentJson;
import dev.autosa.examples.cli.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code autosa recommend}: watches the machine for a few seconds without a daemon and says what
 * it is doing and which scheduler suits it. Never switches anything. It reads the daemon's outcome
 * history (when readable): a scheduler that made this workload worse here is not recommended, a
 * measured winner is, and the outcomes for the workload are shown with the objective a switch
 * would be measured by.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Samples the machine for N seconds (no daemon) and recommends a scheduler.")
final class RecommendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "10",
            description = "How long to watch; also the aggregation window (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--proc-root", paramLabel = "DIR", description = "Read this directory as /proc.")
    @Nullable Path procRoot;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Load plug-in jars from DIR.")
    @Nullable Path plugins;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "The daemon's state directory, read for its outcome history (default: the daemon's).")
    @Nullable Path stateDir;

    @Override
    public Integer call() {
        if (seconds < 2 || seconds > 86_400) {
            throw CliException.usage("--seconds must be between 2 and 86400 but was " + seconds);
        }
        AutoSA.Builder b = AutoSA.builder()
                .mode(Mode.RECOMMEND)
                .collectionInterval(Duration.ofSeconds(1))
                .aggregationWindow(Duration.ofSeconds(seconds))
                .warmup(Duration.ZERO)
                // It never switches; keeping guarantees closing touches nothing either.
                .keepSchedulerOnClose(true)
                .classLoader(Plugins.loader(plugins))
                .outcomeStore(Outcomes.readOnly(StateDirectory.choose(stateDir, null)));
        if (procRoot != null) {
            b.metricSource(MetricSources.forProcRoot(procRoot));
        }
        AutoSA autosa = Engines.build(b, null);
        Decision last;
        AutoSAStatus status;
        ExperimentStatus experiments;
        try (autosa) {
            Progress progress = new Progress(spec.commandLine().getErr(), "sampling", seconds);
            long next = System.nanoTime();
            last = autosa.tick();
            progress.step(1);
            for (int i = 2; i <= seconds; i++) {
                next += 1_000_000_000L;
                Progress.waitUntil(next);
                last = autosa.tick();
                progress.step(i);
            }
            status = autosa.status();
            experiments = autosa.experiments();
        }
        ExperimentStatus x = experiments;
        Classification c = last.classification();
        List<OutcomeRecord> outcomes = x.localHistory().stream().filter(r -> r.workload().equals(c.workload())).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("seconds", seconds);
            o.addProperty("workload", c.workload().id());
            o.addProperty("confidence", Json.round(c.confidence()));
            com.google.gson.JsonArray reasons = new com.google.gson.JsonArray();
            c.reasons().forEach(reasons::add);
            o.add("reasons", reasons);
            o.add("recommended", last.recommended() == null ? com.google.gson.JsonNull.INSTANCE
                    : new com.google.gson.JsonPrimitive(last.recommended()));
            o.addProperty("action", last.action().id());
            o.addProperty("reason", last.reason());
            o.addProperty("active", status.active().displayName());
            o.addProperty("modeReason", status.modeReason());
            o.add("window", Json.window(status.windowMeans()));
            JsonObject objective = new JsonObject();
            objective.addProperty("name", experiments.objective());
            objective.addProperty("unit", experiments.unit());
            objective.addProperty("direction", experiments.direction().id());
            objective.addProperty("last", Double.isFinite(experiments.lastValue()) ? Json.round(experiments.lastValue())
                    : null);
            o.add("objective", objective);
            o.add("history", ExperimentJson.history(outcomes));
            out.println(Json.PRETTY.toJson(o));
        } else {
            out.printf(Locale.ROOT, "workload:     %s (confidence %.2f)%n", c.workload(), c.confidence());
            for (String r : c.reasons()) {
                out.println("              - " + r);
            }
            out.println("recommended:  " + (last.recommended() == null ? "kernel default (no sched_ext scheduler)"
                    : last.recommended()));
            out.println("kernel runs:  " + status.active().displayName());
            out.println("decision:     " + last.action().id() + ": " + last.reason());
            out.printf(Locale.ROOT, "objective:    %s %.3f %s (%s); a switch would be kept only if it does not"
                    + " make this worse%n", experiments.objective(), experiments.lastValue(), experiments.unit(),
                    experiments.direction().id());
            out.print("history:      " + (outcomes.isEmpty() ? "no experiments for " + c.workload() + " here yet\n"
                    : "\n" + ExperimentJson.table(ExperimentJson.history(outcomes))));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
