// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

/** Where a parser reports a line it could not use; the value is then skipped for the tick. */
@FunctionalInterface
interface ProblemSink {

    /** {@code line} is one-based, or 0 when the problem is not on one line (a missing field). */
    void problem(int line, String reason);
}
