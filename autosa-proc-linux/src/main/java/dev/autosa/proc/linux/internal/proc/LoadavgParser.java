// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

/**
 * Parses /proc/loadavg ({@code 0.08 0.26 0.14 1/83 5874}) for the number of runnable scheduling
 * entities, the 4th field's numerator. Used when /proc/stat lacks {@code procs_running}.
 */
final class LoadavgParser {

    private long runnable;

    void parse(ByteScanner s, ProblemSink problems) {
        runnable = ByteScanner.NONE;
        if (!s.nextLine()) {
            problems.problem(0, "file is empty");
            return;
        }
        for (int i = 0; i < 4; i++) {
            if (!s.nextToken()) {
                problems.problem(s.lineNumber(), "fewer than 4 fields");
                return;
            }
        }
        byte[] b = s.buffer();
        int slash = s.tokenStart();
        while (slash < s.tokenEnd() && b[slash] != '/') {
            slash++;
        }
        runnable = ByteScanner.parseUnsigned(b, s.tokenStart(), slash);
        if (slash == s.tokenEnd() || runnable < 0) {
            runnable = ByteScanner.NONE;
            problems.problem(s.lineNumber(), "4th field is not running/total");
        }
    }

    /** Runnable entities, or {@link ByteScanner#NONE}. */
    long runnable() {
        return runnable;
    }
}
