// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

/**
 * Sliding-window minimum or maximum in amortized O(1) per tick: keeps only the values that can
 * still become the extreme, tagged with their tick number, in fixed arrays (no allocation).
 */
final class MonotonicDeque {

    private final boolean keepsMax;
    private final long[] ticks;
    private final double[] values;
    private int head;
    private int size;

    MonotonicDeque(int capacity, boolean keepsMax) {
        this.keepsMax = keepsMax;
        this.ticks = new long[capacity];
        this.values = new double[capacity];
    }

    void push(long tick, double value) {
        // Drop values that the newcomer dominates: they can never be the extreme again.
        while (size > 0) {
            double tail = values[index(size - 1)];
            if (keepsMax ? tail > value : tail < value) {
                break;
            }
            size--;
        }
        int i = index(size);
        ticks[i] = tick;
        values[i] = value;
        size++;
    }

    /** Forgets values from ticks before {@code oldestTick}. */
    void evictBefore(long oldestTick) {
        while (size > 0 && ticks[head] < oldestTick) {
            head = (head + 1) % ticks.length;
            size--;
        }
    }

    double extreme() {
        return size == 0 ? Double.NaN : values[head];
    }

    private int index(int offset) {
        return (head + offset) % ticks.length;
    }
}
