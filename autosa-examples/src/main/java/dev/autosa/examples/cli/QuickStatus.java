// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.examples.cli.daemon.SocketPaths;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * {@code autosa status [--json] [--socket PATH]} without the command-line parser: building the
 * parser's model of every command by reflection costs more than the whole status request (its
 * classes are too old for class-data sharing), and status is what scripts and monitoring call
 * every few seconds. Anything else on the line (help, a typo) goes to the full parser, which then
 * answers exactly as before.
 */
final class QuickStatus {

    private QuickStatus() {
    }

    /** The exit code, or null when {@code args} is not a plain status request. */
    static @Nullable Integer run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 0 || !args[0].equals("status")) {
            return null;
        }
        boolean json = false;
        @Nullable Path socket = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json") && !json) {
                json = true;
            } else if (a.equals("--socket") && socket == null && i + 1 < args.length && !args[i + 1].isEmpty()) {
                socket = Path.of(args[++i]);
            } else if (a.startsWith("--socket=") && socket == null && a.length() > "--socket=".length()) {
                socket = Path.of(a.substring("--socket=".length()));
            } else {
                return null;
            }
        }
        try {
            return StatusCommand.show(SocketPaths.socket(socket), json, out);
        } catch (CliException e) {
            err.println("autosa status: " + String.valueOf(e.getMessage()).replace('\n', ' ').replace('\r', ' ').strip());
            return e.exitCode();
        }
    }
}
