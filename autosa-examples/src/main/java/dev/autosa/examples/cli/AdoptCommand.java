// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import com.google.gson.JsonObject;
import dev.autosa.examples.cli.daemon.ControlClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code autosa adopt}: hands a sched_ext scheduler that someone else started (by hand,
 * scx_loader, an earlier daemon killed with -9) over to the running daemon, which until then
 * reports it and leaves it alone.
 */
@Command(name = "adopt", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Lets the running daemon manage (and replace) a scheduler that someone else started.")
final class AdoptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SocketOption socket = new SocketOption();

    @Override
    public Integer call() {
        JsonObject answer = ControlClient.request(socket.path(), ControlClient.command("adopt"), Duration.ofSeconds(10));
        String scheduler = answer.getAsJsonObject("active").get("display").getAsString();
        if (answer.get("adopted").getAsBoolean()) {
            spec.commandLine().getOut().println("autosa now manages " + scheduler);
            return ExitCodes.OK;
        }
        spec.commandLine().getOut().println("nothing to adopt: the kernel runs " + scheduler
                + ", and it is not a scheduler started outside autosa");
        return ExitCodes.FAILURE;
    }
}
