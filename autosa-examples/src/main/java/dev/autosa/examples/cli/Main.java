// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code autosa} command: parses the command line, runs one subcommand and maps the outcome
 * to the exit codes scripts and systemd rely on (see {@link ExitCodes}).
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
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        configureLogging(args);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        Integer quick = QuickStatus.run(args, out, err);
        System.exit(quick != null ? quick : run(args, out, err));
    }

    /** Runs the command line and returns the exit code; for tests and {@link #main}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
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
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    private static String oneLine(@org.jspecify.annotations.Nullable String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').strip();
    }

    /**
     * slf4j-simple reads its settings once, when the first logger is made, so they are set before
     * anything else runs. The daemon logs decisions at info; one-shot commands show warnings only,
     * so their output stays clean. Settings given with -D win.
     */
    private static void configureLogging(String[] args) {
        boolean daemon = args.length > 0 && args[0].equals("start");
        boolean verbose = false;
        for (String a : args) {
            if (a.equals("--verbose") || a.equals("-v")) {
                verbose = true;
            }
        }
        String level = verbose ? "debug" : daemon ? "info" : "warn";
        String env = System.getenv("AUTOSA_LOG_LEVEL");
        if (env != null && !env.isBlank()) {
            level = env.strip().toLowerCase(Locale.ROOT);
        }
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level);
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "true");
        // Under systemd the journal stamps each line; by hand a time helps.
        boolean journal = System.getenv("JOURNAL_STREAM") != null || System.getenv("INVOCATION_ID") != null;
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", String.valueOf(!journal));
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
