// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import java.util.Arrays;

/**
 * Parses files of {@code key value [unit]} lines such as /proc/meminfo ({@code MemTotal: 123 kB})
 * and /proc/vmstat ({@code pgfault 123}), picking out a fixed set of keys. The key is the whole
 * first token, colon included, compared as bytes.
 *
 * <p>The kernel writes these files in the same order every time, so each key is first looked for
 * where it was on the previous read; only when that misses is the file scanned line by line.
 * (vmstat's keys sit half-way down a 190-line file: the scan was most of the parsing cost.)
 */
final class KeyValueParser {

    private final String[] names;
    private final byte[][] keys;
    private final long[] values;
    private final int[] lines;
    private final int[] offsets;

    /** {@code keys} exactly as they appear as first token, e.g. {@code "MemTotal:"} or {@code "pgfault"}. */
    KeyValueParser(String... keys) {
        this.names = keys.clone();
        this.keys = new byte[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            this.keys[i] = ByteScanner.ascii(keys[i]);
        }
        this.values = new long[keys.length];
        this.lines = new int[keys.length];
        this.offsets = new int[keys.length];
        Arrays.fill(offsets, -1);
    }

    /** Parses one read; a wanted key that is missing or not a number is reported and reads as NONE. */
    void parse(ByteScanner s, ProblemSink problems) {
        if (parseAtKnownOffsets(s)) {
            return;
        }
        s.rewind();
        Arrays.fill(values, ByteScanner.NONE);
        Arrays.fill(lines, 0);
        int found = 0;
        while (found < keys.length && s.nextLine()) {
            if (!s.nextToken()) {
                continue;
            }
            for (int k = 0; k < keys.length; k++) {
                if (lines[k] == 0 && s.tokenIs(keys[k])) {
                    lines[k] = s.lineNumber();
                    offsets[k] = s.lineStart();
                    found++;
                    values[k] = s.nextLong();
                    if (values[k] < 0) {
                        problems.problem(s.lineNumber(), names[k] + " is missing its value or it is not a number");
                    }
                    break;
                }
            }
        }
        for (int k = 0; k < keys.length; k++) {
            if (lines[k] == 0) {
                offsets[k] = -1;
                problems.problem(0, "no " + names[k] + " line");
            }
        }
    }

    /**
     * The fast path: every key found where it was last time, with a number after it. On any miss
     * it returns false and the full scan redoes everything (and reports what is wrong).
     */
    private boolean parseAtKnownOffsets(ByteScanner s) {
        for (int k = 0; k < keys.length; k++) {
            if (offsets[k] < 0 || !s.seekLine(offsets[k], lines[k]) || !s.nextToken() || !s.tokenIs(keys[k])) {
                return false;
            }
            values[k] = s.nextLong();
            if (values[k] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Value of the {@code index}-th key given to the constructor, or {@link ByteScanner#NONE}. */
    long value(int index) {
        return values[index];
    }

    /** Line of the {@code index}-th key, 0 if absent. */
    int line(int index) {
        return lines[index];
    }

    String name(int index) {
        return names[index];
    }
}
