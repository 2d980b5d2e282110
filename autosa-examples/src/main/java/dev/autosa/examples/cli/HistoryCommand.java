// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.autosa.core.FileOutcomeStore;
import dev.autosa.core.OutcomeRecord;
import dev.autosa.examples.cli.json.ExperimentJson;
import dev.autosa.examples.cli.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code autosa history}: what the experiments around past switches found, per workload class and
 * scheduler (trials, kept, reverted, better, median change of the objective), read from the state
 * directory; works whether or not the daemon runs.
 */
@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Shows the outcome of past switches: workload x scheduler -> trials, kept, reverted, change.")
final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "The daemon's state directory (default /var/lib/autosa as root, else ~/.local/state/autosa).")
    @Nullable Path stateDir;

    @Option(names = "--config", paramLabel = "FILE", description = "Read state_dir from this configuration file.")
    @Nullable Path config;

    @Override
    public Integer call() {
        Path fromFile = null;
        if (config != null) {
            fromFile = ConfigFile.load(config).stateDir();
        } else if (stateDir == null && Files.isRegularFile(ConfigFile.DEFAULT_PATH)) {
            fromFile = ConfigFile.load(ConfigFile.DEFAULT_PATH).stateDir();
        }
        Path file = StateDirectory.choose(stateDir, fromFile).resolve(FileOutcomeStore.FILE_NAME);
        List<OutcomeRecord> records;
        try {
            records = Files.exists(file) ? FileOutcomeStore.read(file) : List.of();
        } catch (AccessDeniedException e) {
            throw CliException.failure("cannot read " + file + ": permission denied (the daemon's history is"
                    + " root's; run as root, or see it in 'autosa status')");
        } catch (IOException e) {
            throw CliException.failure("cannot read the outcome history " + file + ": " + e.getMessage());
        }
        JsonArray table = ExperimentJson.history(records);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("file", file.toString());
            o.add("history", table);
            out.println(Json.PRETTY.toJson(o));
        } else {
            out.println("outcome history " + file + ":");
            out.print(ExperimentJson.table(table));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
