// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import java.util.Arrays;

/**
 * The previous value of each cumulative counter of one file, in slots of a {@code long} array, and
 * the difference to the current value. A counter with no previous value, an invalid current value
 * or one that went backwards (wrap, reset, hotplug) yields a negative code instead of a delta, and
 * the current value becomes the new baseline, so no tick ever sees a negative rate.
 */
final class Counters {

    /** No previous value: the first tick, or the counter was skipped last tick. */
    static final long NO_BASELINE = -1;
    /** The counter went backwards; {@link #lastPrevious()} holds the value it went back from. */
    static final long WENT_BACKWARDS = -2;
    /** The current value is {@link ByteScanner#NONE}. */
    static final long INVALID = -3;

    private long[] previous;
    private boolean[] present;
    private long lastPrevious;

    Counters(int slots) {
        previous = new long[slots];
        present = new boolean[slots];
    }

    /** Makes room for {@code slots} counters; allocates only when the table must grow. */
    void ensureCapacity(int slots) {
        if (slots > previous.length) {
            int size = Math.max(slots, previous.length * 2);
            previous = Arrays.copyOf(previous, size);
            present = Arrays.copyOf(present, size);
        }
    }

    /** Records {@code value} for {@code slot} and returns its increase since the previous one, or a negative code. */
    long delta(int slot, long value) {
        if (value < 0) {
            present[slot] = false;
            return INVALID;
        }
        if (!present[slot]) {
            previous[slot] = value;
            present[slot] = true;
            return NO_BASELINE;
        }
        long before = previous[slot];
        previous[slot] = value;
        if (value < before) {
            lastPrevious = before;
            return WENT_BACKWARDS;
        }
        return value - before;
    }

    /** The value a counter went back from, after {@link #delta} returned {@link #WENT_BACKWARDS}. */
    long lastPrevious() {
        return lastPrevious;
    }

    /** Forgets slots {@code [from, to)}: their next value is a new baseline. */
    void invalidate(int from, int to) {
        Arrays.fill(present, from, Math.min(to, present.length), false);
    }

    void invalidateAll() {
        Arrays.fill(present, false);
    }
}
