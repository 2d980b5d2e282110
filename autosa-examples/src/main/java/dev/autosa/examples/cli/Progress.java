// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.locks.LockSupport;

/** Progress on stderr for the commands that take a while, and waiting for the next 1 s boundary. */
final class Progress {

    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private final String what;
    private final int total;

    Progress(PrintWriter err, String what, int total) {
        this.err = err;
        this.what = what;
        this.total = total;
    }

    void step(int done) {
        if (terminal) {
            err.print("\r" + what + " " + done + "/" + total + " ");
            if (done == total) {
                err.println();
            }
        } else {
            err.println(what + " " + done + "/" + total);
        }
        err.flush();
    }

    /** Parks until {@code System.nanoTime()} reaches {@code deadline}. */
    static void waitUntil(long deadlineNanos) {
        long left;
        while ((left = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new CliException(ExitCodes.FAILURE, "interrupted");
            }
        }
    }
}
