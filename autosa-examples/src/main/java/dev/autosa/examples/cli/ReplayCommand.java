// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import com.google.gson.JsonObject;
import dev.autosa.api.AutoSAEvent;
import dev.autosa.api.Decision;
import dev.autosa.api.Recording;
import dev.autosa.core.AutoSA;
import dev.autosa.core.AutoSAStatus;
import dev.autosa.core.Mode;
import dev.autosa.core.Replay;
import dev.autosa.examples.cli.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code autosa replay}: runs the engine over a capture offline, tick by tick, on the capture's
 * own clock and with a simulated controller (all five seed schedulers "installed"), so it shows
 * exactly what the daemon would have decided. Nothing touches the kernel, whatever the mode.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Replays a proc capture through the engine and prints each tick's decision.",
            "Mode dry-run unless --mode; the collection interval is the capture's unless given."})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A capture written by 'autosa capture' (or a .tar.gz of one).")
    Path directory = Path.of(".");

    @Option(names = "--json", description = "One JSON line per tick.")
    boolean json;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Load plug-in jars (e.g. a classifier) from DIR.")
    @Nullable Path plugins;

    @Mixin
    TuningOptions tuning = new TuningOptions();

    private final List<AutoSAEvent.Evaluated> verdicts = new ArrayList<>();
    private int printed;

    @Override
    public Integer call() {
        ClassLoader loader = Plugins.loader(plugins);
        // Settings first: a bad flag or config value is a usage error whatever DIR holds.
        AutoSA.Builder b = AutoSA.builder().classLoader(loader);
        ConfigFile file = tuning.applyTo(b, Mode.DRY_RUN, false, Set.of());
        // Each simulated switch is evaluated on the capture's own values: what the experiment would conclude.
        b.listener(e -> {
            if (e instanceof AutoSAEvent.Evaluated v) {
                verdicts.add(v);
            }
        });
        Recording recording;
        try {
            recording = Replay.open(directory, loader);
        } catch (IOException | IllegalArgumentException e) {
            throw CliException.failure("cannot replay " + directory + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Replay.Result result;
        try (recording) {
            result = Engines.checked(() -> Replay.run(recording, b, tick -> print(out, tick)), file);
        } catch (IOException e) {
            throw CliException.failure("cannot close " + directory + ": " + e.getMessage());
        }
        out.flush();
        AutoSAStatus status = result.status();
        var c = status.counters();
        spec.commandLine().getErr().printf(Locale.ROOT, "replayed %d ticks of %s (mode %s): %d switch, %d recommend,"
                + " %d hold, %d none; %d experiments (%d reverted); kernel would run %s%n", result.ticks().size(),
                directory, status.mode().id(), c.switches(), c.recommendations(), c.holds(), c.none(), verdicts.size(),
                c.reverts(), status.active().displayName());
        spec.commandLine().getErr().flush();
        return ExitCodes.OK;
    }

    private void print(PrintWriter out, Replay.Tick tick) {
        Decision d = tick.decision();
        // The verdict of an experiment that ended on this tick: what it would have concluded.
        AutoSAEvent.@Nullable Evaluated v = verdicts.size() > printed ? verdicts.get(verdicts.size() - 1) : null;
        printed = verdicts.size();
        if (json) {
            JsonObject line = Json.replayLine(tick.tMs(), d);
            if (v != null) {
                line.addProperty("evaluated", v.verdict().id());
                line.addProperty("evaluation", v.explanation());
            }
            out.println(Json.COMPACT.toJson(line));
        } else {
            if (v != null) {
                out.printf(Locale.ROOT, "%9.3fs  evaluated: %s%n", tick.tMs() / 1000.0, v.explanation());
            }
            out.printf(Locale.ROOT, "%9.3fs  %-9s %-17s %.2f  %-14s %s%n", tick.tMs() / 1000.0, d.action().id(),
                    d.classification().workload(), d.classification().confidence(), d.recommendedDisplay(), d.reason());
        }
    }
}
