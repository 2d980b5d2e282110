// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import java.util.Arrays;

/**
 * Parses /proc/stat: the aggregate and per-CPU tick counters, {@code ctxt}, {@code processes},
 * {@code procs_running} and {@code procs_blocked}. Other lines ({@code intr}, {@code softirq},
 * {@code btime}) are skipped without being scanned for numbers.
 */
final class StatParser {

    /** user, nice, system, idle, iowait, irq, softirq, steal, guest, guest_nice. */
    static final int FIELDS = 10;
    static final int USER = 0;
    static final int NICE = 1;
    static final int SYSTEM = 2;
    static final int IDLE = 3;
    static final int IOWAIT = 4;
    static final int IRQ = 5;
    static final int SOFTIRQ = 6;
    static final int STEAL = 7;
    /**
     * More per-CPU lines than any kernel supports (NR_CPUS is at most 8192 today): the rest are not
     * kept, so a corrupt file cannot grow the per-CPU tables without bound.
     */
    static final int MAX_CPUS = 16_384;
    /** Every kernel since 2.6.11 has steal; guest fields are optional (and already counted in user/nice). */
    static final int MIN_FIELDS = 8;

    private static final byte[] CPU = {'c', 'p', 'u'};
    private static final byte[] CTXT = ByteScanner.ascii("ctxt");
    private static final byte[] PROCESSES = ByteScanner.ascii("processes");
    private static final byte[] PROCS_RUNNING = ByteScanner.ascii("procs_running");
    private static final byte[] PROCS_BLOCKED = ByteScanner.ascii("procs_blocked");

    private final long[] total = new long[FIELDS];
    private boolean totalValid;
    private int cpuCount;
    private int[] cpuIds = new int[16];
    private long[] cpuTicks = new long[16 * FIELDS];
    private boolean cpusValid;
    private long ctxt;
    private long processes;
    private long procsRunning;
    private long procsBlocked;
    private int ctxtLine;
    private int processesLine;
    private int totalLine;

    /** Parses one read of the file, reporting lines it cannot use to {@code problems}. */
    void parse(ByteScanner s, ProblemSink problems) {
        Arrays.fill(total, ByteScanner.NONE);
        totalValid = false;
        cpuCount = 0;
        cpusValid = true;
        ctxt = ByteScanner.NONE;
        processes = ByteScanner.NONE;
        procsRunning = ByteScanner.NONE;
        procsBlocked = ByteScanner.NONE;
        ctxtLine = 0;
        processesLine = 0;
        totalLine = 0;
        boolean sawTotal = false;
        while (s.nextLine()) {
            if (!s.nextToken()) {
                continue;
            }
            if (s.tokenIs(CPU)) {
                totalLine = s.lineNumber();
                if (sawTotal) {
                    problems.problem(s.lineNumber(), "second aggregate cpu line");
                    totalValid = false;
                    continue;
                }
                sawTotal = true;
                int n = readTicks(s, total, 0);
                totalValid = n >= MIN_FIELDS;
                if (!totalValid) {
                    problems.problem(s.lineNumber(), "cpu line has " + n + " valid tick fields, expected at least " + MIN_FIELDS);
                }
            } else if (s.tokenStartsWith(CPU)) {
                parseCpu(s, problems);
            } else if (s.tokenIs(CTXT)) {
                ctxt = single(s, problems);
                ctxtLine = s.lineNumber();
            } else if (s.tokenIs(PROCESSES)) {
                processes = single(s, problems);
                processesLine = s.lineNumber();
            } else if (s.tokenIs(PROCS_RUNNING)) {
                procsRunning = single(s, problems);
            } else if (s.tokenIs(PROCS_BLOCKED)) {
                procsBlocked = single(s, problems);
            }
        }
        if (!sawTotal) {
            problems.problem(0, "no aggregate cpu line");
        }
        if (cpuCount == 0) {
            problems.problem(0, "no per-cpu lines");
            cpusValid = false;
        }
        if (ctxt == ByteScanner.NONE && ctxtLine == 0) {
            problems.problem(0, "no ctxt line");
        }
    }

    private void parseCpu(ByteScanner s, ProblemSink problems) {
        long id = s.tokenAsLong(CPU.length);
        if (id < 0 || id > Integer.MAX_VALUE) {
            problems.problem(s.lineNumber(), "cpu line with a malformed cpu number");
            cpusValid = false;
            return;
        }
        if (cpuCount == MAX_CPUS) {
            problems.problem(s.lineNumber(), "more than " + MAX_CPUS + " per-cpu lines");
            cpusValid = false;
            return;
        }
        if (cpuCount == cpuIds.length) {
            cpuIds = Arrays.copyOf(cpuIds, cpuCount * 2);
            cpuTicks = Arrays.copyOf(cpuTicks, cpuCount * 2 * FIELDS);
        }
        cpuIds[cpuCount] = (int) id;
        int n = readTicks(s, cpuTicks, cpuCount * FIELDS);
        if (n < MIN_FIELDS) {
            problems.problem(s.lineNumber(), "cpu" + id + " line has " + n + " valid tick fields, expected at least " + MIN_FIELDS);
            cpusValid = false;
        }
        cpuCount++;
    }

    /** Reads up to {@link #FIELDS} numbers; returns how many leading ones are valid. */
    private static int readTicks(ByteScanner s, long[] into, int offset) {
        int valid = 0;
        boolean ok = true;
        for (int i = 0; i < FIELDS; i++) {
            long v = s.nextLong();
            into[offset + i] = v;
            if (v < 0) {
                ok = false;
            } else if (ok) {
                valid++;
            }
        }
        return valid;
    }

    private static long single(ByteScanner s, ProblemSink problems) {
        long v = s.nextLong();
        if (v < 0) {
            problems.problem(s.lineNumber(), "value is missing or not a number");
        }
        return v;
    }

    /** Aggregate ticks of field {@code field}, or {@link ByteScanner#NONE}. */
    long total(int field) {
        return total[field];
    }

    /** Whether the aggregate cpu line had at least {@link #MIN_FIELDS} valid fields. */
    boolean totalValid() {
        return totalValid;
    }

    int totalLine() {
        return totalLine;
    }

    /** Number of per-CPU lines (online CPUs). */
    int cpuCount() {
        return cpuCount;
    }

    /** False when a per-CPU line was malformed or there were none. */
    boolean cpusValid() {
        return cpusValid;
    }

    int cpuId(int index) {
        return cpuIds[index];
    }

    long cpuTicks(int index, int field) {
        return cpuTicks[index * FIELDS + field];
    }

    /** Whether the online CPUs are the same ids, in the same order, as {@code ids[0, count)}. */
    boolean sameCpus(int[] ids, int count) {
        return count == cpuCount && Arrays.equals(cpuIds, 0, count, ids, 0, count);
    }

    long ctxt() {
        return ctxt;
    }

    int ctxtLine() {
        return ctxtLine;
    }

    long processes() {
        return processes;
    }

    int processesLine() {
        return processesLine;
    }

    long procsRunning() {
        return procsRunning;
    }

    long procsBlocked() {
        return procsBlocked;
    }
}
