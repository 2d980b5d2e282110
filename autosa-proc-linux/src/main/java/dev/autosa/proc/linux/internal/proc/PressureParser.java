// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

/**
 * Parses one /proc/pressure file ({@code cpu}, {@code io} or {@code memory}) for the cumulative
 * stall time in microseconds of its {@code some} and {@code full} lines ({@code total=}). The
 * avg10/60/300 fields are not used: rates come from the totals over the real elapsed time.
 */
final class PressureParser {

    private static final byte[] SOME = ByteScanner.ascii("some");
    private static final byte[] FULL = ByteScanner.ascii("full");
    private static final byte[] TOTAL = ByteScanner.ascii("total=");

    private long someTotal;
    private long fullTotal;

    void parse(ByteScanner s, ProblemSink problems) {
        someTotal = ByteScanner.NONE;
        fullTotal = ByteScanner.NONE;
        boolean sawSome = false;
        while (s.nextLine()) {
            if (!s.nextToken()) {
                continue;
            }
            boolean some = s.tokenIs(SOME);
            if (!some && !s.tokenIs(FULL)) {
                problems.problem(s.lineNumber(), "line starts with neither some nor full");
                continue;
            }
            sawSome |= some;
            long total = ByteScanner.NONE;
            while (s.nextToken()) {
                if (s.tokenStartsWith(TOTAL)) {
                    total = s.tokenAsLong(TOTAL.length);
                    break;
                }
            }
            if (total < 0) {
                problems.problem(s.lineNumber(), "no valid total= field");
            }
            if (some) {
                someTotal = total;
            } else {
                fullTotal = total;
            }
        }
        if (!sawSome) {
            problems.problem(0, "no some line");
        }
    }

    /** Microseconds some task stalled, since boot, or {@link ByteScanner#NONE}. */
    long someTotal() {
        return someTotal;
    }

    /** Microseconds all non-idle tasks stalled, since boot, or {@link ByteScanner#NONE}. */
    long fullTotal() {
        return fullTotal;
    }
}
