// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.api.Decision;
import dev.autosa.core.AutoSA;
import dev.autosa.core.AutoSAStatus;
import dev.autosa.core.Mode;
import dev.autosa.core.SimulatedController;
import dev.autosa.examples.cli.json.Json;
import dev.autosa.proc.linux.CaptureSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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

    @Parameters(index = "0", paramLabel = "DIR", description = "A capture written by 'autosa capture'.")
    Path directory = Path.of(".");

    @Option(names = "--json", description = "One JSON line per tick.")
    boolean json;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Load plug-in jars (e.g. a classifier) from DIR.")
    @Nullable Path plugins;

    @Mixin
    TuningOptions tuning = new TuningOptions();

    @Override
    public Integer call() {
        AutoSA.Builder b = AutoSA.builder();
        ConfigFile file = tuning.applyTo(b, Mode.DRY_RUN, false, Set.of());
        CaptureSource source;
        try {
            source = CaptureSource.open(directory);
        } catch (IOException | IllegalArgumentException e) {
            throw CliException.failure("cannot replay " + directory + ": " + e.getMessage());
        }
        if (tuning.collectionInterval == null) {
            b.collectionInterval(source.interval());
        }
        b.metricSource(source)
                .clock(source.clock())
                .controller(new SimulatedController())
                .classLoader(Plugins.loader(plugins));
        AutoSA autosa = Engines.build(b, file);
        PrintWriter out = spec.commandLine().getOut();
        long start = source.meta().start().toEpochMilli();
        AutoSAStatus status;
        try (autosa) {
            while (source.hasNext()) {
                // The capture's time of the tick about to be read (a decision that did not change keeps
                // the time it was first made, so its own time is not the tick's).
                long t = source.clock().millis() - start;
                Decision d = autosa.tick();
                if (json) {
                    out.println(Json.COMPACT.toJson(Json.replayLine(t, d)));
                } else {
                    out.printf(Locale.ROOT, "%9.3fs  %-6s %-17s %.2f  %-14s %s%n", t / 1000.0, d.action().id(),
                            d.classification().workload(), d.classification().confidence(), d.recommendedDisplay(),
                            d.reason());
                }
            }
            status = autosa.status();
        }
        out.flush();
        var c = status.counters();
        spec.commandLine().getErr().printf(Locale.ROOT, "replayed %d ticks of %s (mode %s): %d switch, %d hold, "
                + "%d none; kernel would run %s%n", source.tickCount(), directory, status.mode().id(),
                c.switches(), c.holds(), c.none(),
                status.active().displayName());
        spec.commandLine().getErr().flush();
        return ExitCodes.OK;
    }
}
