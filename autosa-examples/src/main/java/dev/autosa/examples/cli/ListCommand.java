// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import com.google.gson.JsonObject;
import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.SchedulerInfo;
import dev.autosa.core.AutoSA;
import dev.autosa.core.AutoSAConfig;
import dev.autosa.core.PreferenceTable;
import dev.autosa.examples.cli.daemon.ControlClient;
import dev.autosa.examples.cli.json.Json;
import dev.autosa.examples.cli.json.Text;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code autosa list}: the schedulers, installed or not, what each suits, which one runs. Asks
 * the daemon when it runs (its catalog and preferences are the ones in force), else asks the
 * controller directly.
 */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Lists the sched_ext schedulers AutoSA knows, installed or not, and which one runs.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Mixin
    SocketOption socket = new SocketOption();

    @Option(names = "--plugins", paramLabel = "DIR", description = "Plug-in jars, when no daemon runs.")
    @Nullable Path plugins;

    @Mixin
    TuningOptions.ConfigOption config = new TuningOptions.ConfigOption();

    @Override
    public Integer call() {
        Path sock = socket.path();
        JsonObject list;
        if (ControlClient.answers(sock)) {
            list = ControlClient.request(sock, ControlClient.command("list"), Duration.ofSeconds(10))
                    .getAsJsonObject("list");
        } else {
            // Without a daemon: the settings the daemon would use (trusted directories, preferences).
            ConfigFile file = config.load();
            AutoSA.Builder b = AutoSA.builder();
            if (file != null) {
                file.applyTo(b, Set.of());
            }
            AutoSAConfig settings = Engines.checked(b::toConfig, file);
            list = Engines.checked(() -> local(Plugins.loader(plugins), settings), file);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.PRETTY.toJson(list) + "\n" : Text.list(list));
        out.flush();
        return ExitCodes.OK;
    }

    static JsonObject local(ClassLoader loader, AutoSAConfig settings) {
        PreferenceTable prefs = settings.preferences();
        Providers.Found<SchedulerController> found = Providers.discover(SchedulerController.class, loader,
                settings.providerSettings());
        SchedulerController c = found.provider() != null ? found.provider() : found.unavailable();
        if (c == null) {
            return Json.catalog(null, null, found.whyNone(), ActiveScheduler.KERNEL_DEFAULT, prefs);
        }
        try {
            // An unavailable controller (no sched_ext, not root) still knows what is installed.
            List<SchedulerInfo> catalog = c.available();
            ActiveScheduler active = found.provider() != null ? c.current() : ActiveScheduler.KERNEL_DEFAULT;
            return Json.catalog(catalog, found.provider() != null ? c.name() : null, found.whyNone(), active,
                    prefs);
        } catch (RuntimeException e) {
            return Json.catalog(null, null, found.whyNone() + "; reading the catalog of " + c.name() + " failed: " + e,
                    ActiveScheduler.KERNEL_DEFAULT, prefs);
        } finally {
            // Only looked: whatever runs keeps running.
            c.close(true);
        }
    }
}
