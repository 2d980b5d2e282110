// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code autosa} command line as picocli parses it: every command, its help, and the exit codes
 * of bad input. {@link Main} comes here for everything its quick paths ({@link QuickStatus},
 * {@link QuickStart}) do not answer.
 */
@Command(name = "autosa",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Automatic sched_ext scheduler tuner: watches the machine, classifies its workload and "
                + "recommends or switches the sched_ext scheduler that suits it.",
        subcommands = {
            StartCommand.class,
            StopCommand.class,
            AdoptCommand.class,
            StatusCommand.class,
            ListCommand.class,
            RecommendCommand.class,
            CaptureCommand.class,
            ReplayCommand.class,
            HistoryCommand.class,
            McpCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failure (e.g. the daemon is already running, a scheduler or I/O error)",
            "2:bad flag, bad value or bad configuration file",
            "3:the daemon is not running (status, stop)",
            "4:cannot tell: permission denied on the daemon's socket or its directory (status, stop)"
        })
final class RootCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Parses and runs {@code args}; a {@code start} that succeeded hands back the daemon it left running. */
    static Main.Ran parseAndRun(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName();
            c.getErr().println(name + ": " + oneLine(ex.getMessage()) + " (see '" + name + " --help')");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof CliException e) {
                c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + oneLine(e.getMessage()));
                return e.exitCode();
            }
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + oneLine(String.valueOf(ex)));
            if (Boolean.getBoolean("autosa.debug")) {
                ex.printStackTrace(c.getErr());
            }
            return ExitCodes.FAILURE;
        });
        int code = cl.execute(args);
        CommandLine start = cl.getSubcommands().get("start");
        Daemon daemon = start == null ? null : ((StartCommand) start.getCommand()).takeRunning();
        return new Main.Ran(code, daemon);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** An error message on one line, as the CLI prints every error. */
    static String oneLine(@Nullable String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').strip();
    }

}
