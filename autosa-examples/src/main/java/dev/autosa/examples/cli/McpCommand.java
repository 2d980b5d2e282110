// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.examples.cli.daemon.ControlClient;
import dev.autosa.examples.mcp.AutoSATools;
import dev.autosa.examples.mcp.StdioServer;
import java.io.FileInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code autosa mcp}: a Model Context Protocol server on stdin/stdout for AI agents. It holds no
 * engine of its own: every tool asks the running daemon over its control socket, so an agent's
 * switch passes the daemon's checks and is refused, with the reason, where the daemon would refuse.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Serves the Model Context Protocol on stdin/stdout (for AI agents).",
            "Tools: status, list_schedulers, recommendation, history, switch_scheduler, return_to_kernel_default;"
                    + " each goes through the running daemon's control socket and its policy."})
final class McpCommand implements Callable<Integer> {

    /** A switch waits for the scheduler to attach (the controller's start timeout), so allow for it. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    @Mixin
    SocketOption socket = new SocketOption();

    @Override
    public Integer call() throws InterruptedException {
        AutoSATools tools = new AutoSATools(request -> ControlClient.request(socket.path(), request, REQUEST_TIMEOUT));
        // The raw descriptors: the protocol is the only thing on stdout, unbuffered by a PrintStream.
        StdioServer.serve(tools, VersionProvider.version(), new FileInputStream(FileDescriptor.in),
                new FileOutputStream(FileDescriptor.out));
        return ExitCodes.OK;
    }
}
