// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * {@code autosa start [OPTIONS]} without the command-line parser, as systemd and scripts start the
 * daemon: picocli's classes and the model it builds of every command by reflection would otherwise
 * stay in the resident daemon for its whole life (a few MiB of its 40). Only the plain forms are
 * taken here ({@code --flag VALUE}, {@code --flag=VALUE}, each flag once, a value that converts);
 * anything else (help, a typo, a bad or repeated value) goes to the full parser, which then answers
 * exactly as before.
 */
final class QuickStart {

    private QuickStart() {
    }

    /** The daemon started (or the exit code of a start that failed), or null when {@code args} is not a plain start. */
    static Main.@Nullable Ran run(String[] args, PrintWriter err) {
        StartCommand start = parse(args);
        if (start == null) {
            return null;
        }
        int code;
        try {
            code = start.call();
        } catch (CliException e) {
            err.println("autosa start: " + RootCommand.oneLine(e.getMessage()));
            return new Main.Ran(e.exitCode(), null);
        } catch (RuntimeException e) {
            err.println("autosa start: " + RootCommand.oneLine(String.valueOf(e)));
            if (Boolean.getBoolean("autosa.debug")) {
                e.printStackTrace(err);
            }
            return new Main.Ran(ExitCodes.FAILURE, null);
        }
        return new Main.Ran(code, start.takeRunning());
    }

    /** The command with its options set, or null when the full parser must decide. */
    static @Nullable StartCommand parse(String[] args) {
        if (args.length == 0 || !args[0].equals("start")) {
            return null;
        }
        StartCommand c = new StartCommand();
        TuningOptions t = c.tuning;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            boolean set;
            if (isSwitch(name)) {
                if (value != null) {
                    return null;
                }
                set = setSwitch(c, name);
            } else {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        return null;
                    }
                    value = args[++i];
                }
                if (value.isEmpty() || value.startsWith("-")) {
                    return null;
                }
                set = setValue(c, t, name, value);
            }
            if (!set) {
                return null;
            }
        }
        return c;
    }

    private static boolean isSwitch(String name) {
        return switch (name) {
            case "--keep-scheduler", "--jmx", "--no-jmx", "-v", "--verbose" -> true;
            default -> false;
        };
    }

    /** Sets a flag without a value; false when it was given already (the parser says so) or is unknown. */
    private static boolean setSwitch(StartCommand c, String name) {
        switch (name) {
            case "--keep-scheduler" -> {
                if (c.keepScheduler) {
                    return false;
                }
                c.keepScheduler = true;
            }
            case "--jmx" -> {
                if (c.jmx) {
                    return false;
                }
                c.jmx = true;
            }
            case "--no-jmx" -> {
                if (c.noJmx) {
                    return false;
                }
                c.noJmx = true;
            }
            default -> {
                if (c.verbose) {
                    return false;
                }
                c.verbose = true;
            }
        }
        return true;
    }

    /** Sets an option with a value; false when unknown, given already or not convertible. */
    private static boolean setValue(StartCommand c, TuningOptions t, String name, String value) {
        try {
            switch (name) {
                case "--collection-interval" -> t.collectionInterval = once(t.collectionInterval, seconds(value));
                case "--aggregation-window" -> t.aggregationWindow = once(t.aggregationWindow, seconds(value));
                case "--min-switch-interval" -> t.minSwitchInterval = once(t.minSwitchInterval, seconds(value));
                case "--settle-period" -> t.settlePeriod = once(t.settlePeriod, seconds(value));
                case "--evaluation-period" -> t.evaluationPeriod = once(t.evaluationPeriod, seconds(value));
                case "--retry-lost-after" -> t.retryLostAfter = once(t.retryLostAfter, seconds(value));
                case "--min-confidence" -> t.minConfidence = once(t.minConfidence, Double.valueOf(value));
                case "--mode" -> t.mode = once(t.mode, value);
                case "--config" -> t.config.path = once(t.config.path, Path.of(value));
                case "--socket" -> c.socket.flag = once(c.socket.flag, Path.of(value));
                case "--proc-root" -> c.procRoot = once(c.procRoot, Path.of(value));
                case "--plugins" -> c.plugins = once(c.plugins, Path.of(value));
                case "--state-dir" -> c.stateDir = once(c.stateDir, Path.of(value));
                case "--metrics" -> c.metrics = once(c.metrics, value);
                default -> {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException | GivenTwice e) {
            // A number that is none, a path with a NUL (InvalidPathException), an option given twice.
            return false;
        }
    }

    private static Duration seconds(String value) {
        return ConfigFile.seconds(value);
    }

    /** {@code value}, unless the option already had one. */
    private static <T> T once(@Nullable T previous, T value) {
        if (previous != null) {
            throw new GivenTwice();
        }
        return value;
    }

    /** An option given twice: the parser's message says which. */
    private static final class GivenTwice extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GivenTwice() {
            super(null, null, false, false);
        }
    }
}
