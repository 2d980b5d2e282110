// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

/** The exit codes of {@code autosa}; scripts and the tests depend on them. */
public final class ExitCodes {

    public static final int OK = 0;
    /** Something went wrong at run time: already running, I/O, a refused request. */
    public static final int FAILURE = 1;
    /** A bad flag, value or configuration file: the user must change the command. */
    public static final int USAGE = 2;
    /** The daemon is not running (status, stop). */
    public static final int NOT_RUNNING = 3;

    private ExitCodes() {
    }
}
