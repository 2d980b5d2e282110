// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.autosa.examples.cli.daemon.ControlClient;
import dev.autosa.examples.cli.json.PrettyJson;
import dev.autosa.examples.cli.json.Text;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code autosa status}: what the daemon sees, recommends and runs, and why. */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Shows the daemon's state; exit code 3 when it is not running,",
            "4 when this user may not see it (e.g. a root daemon asked by another user)."})
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Mixin
    SocketOption socket = new SocketOption();

    @Override
    public Integer call() {
        return show(socket.path(), json, spec.commandLine().getOut());
    }

    /** Prints the daemon's status to {@code out} and returns the exit code; also {@link QuickStatus}'s path. */
    static int show(Path sock, boolean json, PrintWriter out) {
        JsonObject answer;
        try {
            answer = ControlClient.request(sock, ControlClient.command("status"), Duration.ofSeconds(10));
        } catch (CliException e) {
            if (e.exitCode() != ExitCodes.NOT_RUNNING && e.exitCode() != ExitCodes.NO_ACCESS) {
                throw e;
            }
            if (json) {
                JsonObject o = new JsonObject();
                if (e.exitCode() == ExitCodes.NOT_RUNNING) {
                    o.addProperty("running", false);
                } else {
                    // Unknown: permission denied is not "not running".
                    o.add("running", JsonNull.INSTANCE);
                }
                o.addProperty("socket", sock.toString());
                o.addProperty("reason", e.getMessage());
                out.println(PrettyJson.print(o));
            } else {
                out.println(e.getMessage());
            }
            return e.exitCode();
        }
        JsonObject status = answer.getAsJsonObject("status");
        out.print(json ? PrettyJson.print(status) + "\n" : Text.status(status));
        out.flush();
        return ExitCodes.OK;
    }
}
