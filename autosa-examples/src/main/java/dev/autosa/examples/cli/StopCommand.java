// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import com.google.gson.JsonObject;
import dev.autosa.examples.cli.daemon.ControlClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code autosa stop}: asks the daemon to stop over its socket and waits until its process is gone. */
@Command(name = "stop", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Stops the running daemon; it restores the kernel default scheduler unless told to keep it.")
final class StopCommand implements Callable<Integer> {

    /** The daemon's own close waits up to 30 s for a tick and then stops the scheduler. */
    static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Option(names = "--keep-scheduler", description = "Leave the running scheduler in place.")
    boolean keepScheduler;

    @Mixin
    SocketOption socket = new SocketOption();

    @Override
    public Integer call() throws Exception {
        Path sock = socket.path();
        JsonObject req = ControlClient.command("stop");
        if (keepScheduler) {
            req.addProperty("keepScheduler", true);
        }
        JsonObject answer = ControlClient.request(sock, req, Duration.ofSeconds(10));
        long pid = answer.get("pid").getAsLong();
        boolean kept = answer.get("keepScheduler").getAsBoolean();
        JsonObject active = answer.getAsJsonObject("active");
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            try {
                process.get().onExit().get(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw CliException.failure("asked autosa (pid " + pid + ") to stop, but it still runs after "
                        + EXIT_TIMEOUT.toSeconds() + "s");
            } catch (ExecutionException e) {
                throw CliException.failure("waiting for autosa (pid " + pid + ") failed: " + e.getCause());
            }
        }
        String scheduler = active.get("display").getAsString();
        boolean foreign = !active.get("managed").getAsBoolean() && !active.get("state").getAsString().equals("disabled");
        String what;
        if (kept) {
            what = "scheduler kept running: " + scheduler;
        } else if (foreign) {
            what = scheduler + " was not started by autosa and still runs";
        } else {
            what = "kernel default scheduler restored";
        }
        spec.commandLine().getOut().println("stopped (pid " + pid + "); " + what);
        return ExitCodes.OK;
    }
}
