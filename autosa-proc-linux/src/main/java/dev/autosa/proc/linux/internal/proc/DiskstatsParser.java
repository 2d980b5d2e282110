// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses /proc/diskstats into a small table of devices that persists across ticks: a device keeps
 * its slot while it is present, so counters can be kept per slot. Names are matched by comparing
 * bytes, and the table only grows when a new device appears. A device missing from a read frees
 * its slot at the end of that read ({@link #present(int)} false), so a later new device that takes
 * the slot starts without a baseline.
 */
final class DiskstatsParser {

    static final int READS = 0;
    static final int SECTORS_READ = 1;
    static final int WRITES = 2;
    static final int SECTORS_WRITTEN = 3;
    static final int IO_TICKS = 4;
    static final int FIELDS = 5;

    /** Positions (1-based, after the name) of the fields above; io_ticks is the 10th. */
    private static final int[] COLUMN = {1, 3, 5, 7, 10};
    /** Kernels since 2.6 print 11 numbers for disks; later ones append discard and flush fields. */
    private static final int MIN_COLUMNS = 11;

    /**
     * Devices kept at most: far beyond real machines' whole disks, small enough that the table
     * (and the linear name lookup, which is quadratic over a read) stays bounded on a corrupt file.
     */
    static final int MAX_DEVICES = 16_384;

    private final DeviceFilter filter;
    private byte[][] names = new byte[4][];
    private boolean[] used = new boolean[4];
    private boolean[] seen = new boolean[4];
    private boolean[] valid = new boolean[4];
    private int[] lines = new int[4];
    private long[] values = new long[4 * FIELDS];
    private int slots;
    private int malformed;
    private boolean overflowed;

    DiskstatsParser(DeviceFilter filter) {
        this.filter = filter;
    }

    void parse(ByteScanner s, ProblemSink problems) {
        Arrays.fill(seen, false);
        malformed = 0;
        overflowed = false;
        while (s.nextLine()) {
            if (!s.nextToken()) {
                continue;
            }
            long major = s.tokenAsLong(0);
            long minor = s.nextLong();
            if (major < 0 || minor < 0 || !s.nextToken()) {
                problems.problem(s.lineNumber(), "line does not start with major, minor and device name");
                malformed++;
                continue;
            }
            byte[] buf = s.buffer();
            int from = s.tokenStart();
            int to = s.tokenEnd();
            if (!filter.accepts(buf, from, to)) {
                continue;
            }
            int slot = find(buf, from, to);
            if (slot >= 0 && seen[slot]) {
                problems.problem(s.lineNumber(), "device listed twice");
                malformed++;
                continue;
            }
            if (slot < 0) {
                slot = add(buf, from, to);
                if (slot < 0) {
                    problems.problem(s.lineNumber(), "more than " + MAX_DEVICES + " devices; the rest are not read");
                    overflowed = true;
                    break;
                }
            }
            seen[slot] = true;
            lines[slot] = s.lineNumber();
            valid[slot] = readColumns(s, slot);
            if (!valid[slot]) {
                problems.problem(s.lineNumber(), "device line has fewer than " + MIN_COLUMNS
                        + " numeric fields after the name");
            }
        }
        for (int i = 0; i < slots; i++) {
            if (used[i] && !seen[i]) {
                used[i] = false;
                valid[i] = false;
            }
        }
    }

    private boolean readColumns(ByteScanner s, int slot) {
        int base = slot * FIELDS;
        Arrays.fill(values, base, base + FIELDS, ByteScanner.NONE);
        int field = 0;
        for (int column = 1; column <= MIN_COLUMNS; column++) {
            long v = s.nextLong();
            if (v < 0) {
                return false;
            }
            if (field < FIELDS && COLUMN[field] == column) {
                values[base + field++] = v;
            }
        }
        return true;
    }

    private int find(byte[] buf, int from, int to) {
        int len = to - from;
        for (int i = 0; i < slots; i++) {
            byte[] n = names[i];
            if (used[i] && n.length == len && ByteScanner.regionEquals(buf, from, n, 0, len)) {
                return i;
            }
        }
        return -1;
    }

    /** Takes a slot that was free before this read (never one vacated during it) for a new device; -1 when full. */
    private int add(byte[] buf, int from, int to) {
        int slot = -1;
        for (int i = 0; i < slots; i++) {
            if (!used[i] && !seen[i]) {
                slot = i;
                break;
            }
        }
        if (slot < 0) {
            if (slots == MAX_DEVICES) {
                return -1;
            }
            if (slots == names.length) {
                int size = Math.min(slots * 2, MAX_DEVICES);
                names = Arrays.copyOf(names, size);
                used = Arrays.copyOf(used, size);
                seen = Arrays.copyOf(seen, size);
                valid = Arrays.copyOf(valid, size);
                lines = Arrays.copyOf(lines, size);
                values = Arrays.copyOf(values, size * FIELDS);
            }
            slot = slots++;
        }
        names[slot] = Arrays.copyOfRange(buf, from, to);
        used[slot] = true;
        return slot;
    }

    /** Whether the last read listed more than {@link #MAX_DEVICES} devices: its sums would be partial. */
    boolean overflowed() {
        return overflowed;
    }

    /** Lines of the last read that could not be attributed to a device. */
    int malformedLines() {
        return malformed;
    }

    /** Slots in use or used before; iterate {@code [0, slotCount())} and check {@link #present(int)}. */
    int slotCount() {
        return slots;
    }

    /** Whether the slot holds a device seen in the last read. */
    boolean present(int slot) {
        return used[slot];
    }

    /** Whether the device's line in the last read had all fields. */
    boolean valid(int slot) {
        return used[slot] && valid[slot];
    }

    long value(int slot, int field) {
        return values[slot * FIELDS + field];
    }

    int line(int slot) {
        return lines[slot];
    }

    /** The device name; allocates, so for logs and tests only. */
    String name(int slot) {
        byte[] n = names[slot];
        return n == null ? "" : new String(n, StandardCharsets.US_ASCII);
    }

    /** The slot of the device called {@code name}, or -1; allocates, for tests. */
    int slotOf(String name) {
        byte[] n = ByteScanner.ascii(name);
        return find(n, 0, n.length);
    }
}
