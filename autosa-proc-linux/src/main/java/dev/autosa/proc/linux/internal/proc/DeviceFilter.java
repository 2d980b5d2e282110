// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

/**
 * Decides from its name alone whether a /proc/diskstats line is a whole physical disk. Partitions
 * are left out because their I/O is already counted in their disk; loop, ram, zram, device-mapper
 * and md devices are left out by default because they are virtual or stacked on disks that are
 * counted already. The name is all there is in a capture (no /sys), so this is a naming rule:
 * {@code sda1}, {@code vdb2}, {@code xvda1}, {@code hdc3} and {@code <...digit>p<digits>}
 * ({@code nvme0n1p2}, {@code mmcblk0p1}) are partitions; {@code nvme0n1}, {@code mmcblk0},
 * {@code sr0} are disks.
 */
final class DeviceFilter {

    private static final byte[][] VIRTUAL = {
        ByteScanner.ascii("loop"), ByteScanner.ascii("ram"), ByteScanner.ascii("zram"),
        ByteScanner.ascii("dm-"), ByteScanner.ascii("md"),
    };
    private static final byte[][] LETTER_DISKS = {
        ByteScanner.ascii("sd"), ByteScanner.ascii("hd"), ByteScanner.ascii("vd"), ByteScanner.ascii("xvd"),
    };

    private final boolean includeVirtual;

    DeviceFilter(boolean includeVirtual) {
        this.includeVirtual = includeVirtual;
    }

    /** Whether the device named by {@code name[from, to)} is counted. */
    boolean accepts(byte[] name, int from, int to) {
        if (!includeVirtual && startsWithAny(name, from, to, VIRTUAL)) {
            return false;
        }
        return !isPartition(name, from, to);
    }

    static boolean isPartition(byte[] name, int from, int to) {
        int digits = to;
        while (digits > from && isDigit(name[digits - 1])) {
            digits--;
        }
        if (digits == to || digits == from) {
            return false;
        }
        // <...digit>p<digits>: nvme0n1p1, mmcblk0p1, loop0p1, md0p1, nbd0p1.
        if (digits - from >= 2 && name[digits - 1] == 'p' && isDigit(name[digits - 2])) {
            return true;
        }
        // (sd|hd|vd|xvd)<letters><digits>: sda1, vdb2, xvdaa3.
        for (byte[] prefix : LETTER_DISKS) {
            int letters = from + prefix.length;
            if (letters < digits && digits - from > prefix.length
                    && ByteScanner.regionEquals(name, from, prefix, 0, prefix.length)
                    && allLetters(name, letters, digits)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(byte[] name, int from, int to, byte[][] prefixes) {
        for (byte[] p : prefixes) {
            if (to - from >= p.length && ByteScanner.regionEquals(name, from, p, 0, p.length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allLetters(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 'a' || b[i] > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
