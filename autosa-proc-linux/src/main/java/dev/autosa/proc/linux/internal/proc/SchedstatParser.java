// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

/**
 * Parses /proc/schedstat (version 15 and later) for the run-queue wait time: the 8th field of each
 * {@code cpuN} line is the nanoseconds tasks on that CPU spent runnable but waiting, summed here
 * over all CPUs. Domain lines are skipped.
 */
final class SchedstatParser {

    static final int MIN_VERSION = 15;
    private static final int RUN_DELAY_FIELD = 8;

    private static final byte[] VERSION = ByteScanner.ascii("version");
    private static final byte[] CPU = ByteScanner.ascii("cpu");

    private long version;
    private long runDelaySum;
    private int cpuCount;
    private boolean valid;

    void parse(ByteScanner s, ProblemSink problems) {
        version = ByteScanner.NONE;
        runDelaySum = 0;
        cpuCount = 0;
        valid = true;
        while (s.nextLine()) {
            if (!s.nextToken()) {
                continue;
            }
            if (s.tokenIs(VERSION)) {
                version = s.nextLong();
                if (version < MIN_VERSION) {
                    // Older layouts put other counters in field 8: refuse rather than misread.
                    problems.problem(s.lineNumber(), "unsupported schedstat version (need " + MIN_VERSION + " or later)");
                    valid = false;
                    return;
                }
            } else if (s.tokenStartsWith(CPU) && s.tokenAsLong(CPU.length) >= 0) {
                long runDelay = ByteScanner.NONE;
                for (int field = 1; field <= RUN_DELAY_FIELD && (runDelay = s.nextLong()) >= 0; field++) {
                    // Fields 1..7 are other counters; only the last one read (field 8) is kept.
                }
                if (runDelay < 0) {
                    problems.problem(s.lineNumber(), "cpu line has no valid run_delay (field " + RUN_DELAY_FIELD + ")");
                    valid = false;
                } else if (runDelaySum > Long.MAX_VALUE - runDelay) {
                    // Wrapping would turn the sum into a bogus (even backwards) counter.
                    problems.problem(s.lineNumber(), "sum of run_delay overflows");
                    valid = false;
                } else {
                    runDelaySum += runDelay;
                }
                cpuCount++;
            }
        }
        if (version < 0) {
            problems.problem(0, "no version line");
            valid = false;
        }
        if (cpuCount == 0) {
            problems.problem(0, "no cpu lines");
            valid = false;
        }
    }

    /** Whether the sum below is complete and usable. */
    boolean valid() {
        return valid;
    }

    long version() {
        return version;
    }

    /** Sum of run_delay over all CPUs, nanoseconds. */
    long runDelaySum() {
        return runDelaySum;
    }

    int cpuCount() {
        return cpuCount;
    }
}
