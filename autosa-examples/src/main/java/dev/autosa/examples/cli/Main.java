// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The {@code autosa} command: runs one subcommand and maps the outcome to the exit codes scripts
 * and systemd rely on (see {@link ExitCodes}). The plain forms of {@code status} and {@code start}
 * skip the command-line parser, whose model of every command (built by reflection, from classes too
 * old for class-data sharing) costs more than a whole status call and would stay loaded in the daemon;
 * everything else goes to {@link RootCommand}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging(args);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        Integer quick = QuickStatus.run(args, out, err);
        System.exit(quick != null ? quick : run(args, out, err));
    }

    /**
     * Runs the command line and returns the exit code; for tests and {@link #main}. For {@code start}
     * that is when the daemon has stopped.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Ran ran = QuickStart.run(args, err);
        if (ran == null) {
            ran = RootCommand.parseAndRun(args, out, err);
        }
        Daemon daemon = ran.daemon();
        if (daemon == null) {
            return ran.exitCode();
        }
        // What start-up needed (a parsed configuration, the command-line model when the parser ran)
        // is garbage now that the frames that held it are gone: one full collection frees it and
        // shrinks the heap to what the daemon keeps, before months of ticks.
        System.gc();
        try {
            return daemon.awaitStopped() ? ExitCodes.OK : ExitCodes.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("autosa start: interrupted while running");
            return ExitCodes.FAILURE;
        }
    }

    /** A command's exit code, or the daemon {@code start} left running. */
    record Ran(int exitCode, @Nullable Daemon daemon) {
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
