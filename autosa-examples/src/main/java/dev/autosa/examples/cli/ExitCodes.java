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
    /**
     * Whether the daemon runs cannot be told by this user: its socket or socket directory is
     * permission denied (a root daemon asked by another user). As in the LSB's init-script
     * status codes, 4 means "status unknown", so monitoring does not report a running daemon as down.
     */
    public static final int NO_ACCESS = 4;

    private ExitCodes() {
    }
}
