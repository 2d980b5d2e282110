// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import dev.autosa.api.MachineFacts;
import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import dev.autosa.api.WindowView;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The aggregation window: the last {@code capacity} ticks of every metric in ring buffers, with
 * running sums for the mean and monotonic deques for min and max, so a tick costs O(1) per key and
 * allocates nothing once every key has been seen. Queries that need the values themselves
 * (percentile, counts, recent means) scan at most one window.
 *
 * <p>Use per tick: {@link #beginTick()}, {@link #put} per value, {@link #commitTick()}. Not
 * thread-safe; the engine confines it to its loop.
 */
public final class SlidingWindow implements WindowView, MetricSink {

    private static final int INITIAL_KEYS = 32;

    private final int capacity;
    private final Duration interval;
    private final Map<MetricKey, Integer> slotsByKey = new HashMap<>();
    private MetricKey[] keys = new MetricKey[INITIAL_KEYS];
    private double[][] rings = new double[INITIAL_KEYS][];
    private double[] sums = new double[INITIAL_KEYS];
    private int[] counts = new int[INITIAL_KEYS];
    private MonotonicDeque[] mins = new MonotonicDeque[INITIAL_KEYS];
    private MonotonicDeque[] maxes = new MonotonicDeque[INITIAL_KEYS];
    private double[] pending = new double[INITIAL_KEYS];
    private final double[] scratch;
    private int slotCount;
    private int head = -1;
    private int ticks;
    private long tickNumber = -1;
    private MachineFacts machine = MachineFacts.ofRuntime();

    public SlidingWindow(int capacity, Duration interval) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window capacity must be at least 1 tick but was " + capacity);
        }
        this.capacity = capacity;
        this.interval = interval;
        this.scratch = new double[capacity];
    }

    /** Starts collecting a new tick: every key is missing until {@link #put} gives it a value. */
    public void beginTick() {
        Arrays.fill(pending, 0, slotCount, Double.NaN);
    }

    @Override
    public void put(MetricKey key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return;
        }
        putAt(slotFor(key), value);
    }

    /** The slot that holds {@code key}, added when the key is new (see {@link #putAt}). */
    int slotFor(MetricKey key) {
        Integer slot = slotsByKey.get(key);
        return slot != null ? slot : addSlot(key);
    }

    /** {@link #put} for a key whose slot the caller looked up with {@link #slotFor}; the value must be finite. */
    void putAt(int slot, double value) {
        pending[slot] = value;
    }

    /** Moves the collected tick into the window, evicting the oldest when full. */
    public void commitTick() {
        head = (head + 1) % capacity;
        tickNumber++;
        boolean full = ticks == capacity;
        for (int s = 0; s < slotCount; s++) {
            double[] ring = rings[s];
            if (full && !Double.isNaN(ring[head])) {
                sums[s] -= ring[head];
                counts[s]--;
            }
            double v = pending[s];
            ring[head] = v;
            if (!Double.isNaN(v)) {
                sums[s] += v;
                counts[s]++;
                mins[s].push(tickNumber, v);
                maxes[s].push(tickNumber, v);
            }
            long oldest = tickNumber - capacity + 1;
            mins[s].evictBefore(oldest);
            maxes[s].evictBefore(oldest);
        }
        if (!full) {
            ticks++;
        }
        // Running sums drift with floating-point error; recompute them once per window (amortized O(1)).
        if (tickNumber % capacity == capacity - 1) {
            recomputeSums();
        }
    }

    private void recomputeSums() {
        for (int s = 0; s < slotCount; s++) {
            double sum = 0;
            for (double v : rings[s]) {
                if (!Double.isNaN(v)) {
                    sum += v;
                }
            }
            sums[s] = sum;
        }
    }

    private int addSlot(MetricKey key) {
        if (slotCount == keys.length) {
            int n = keys.length * 2;
            keys = Arrays.copyOf(keys, n);
            rings = Arrays.copyOf(rings, n);
            sums = Arrays.copyOf(sums, n);
            counts = Arrays.copyOf(counts, n);
            mins = Arrays.copyOf(mins, n);
            maxes = Arrays.copyOf(maxes, n);
            pending = Arrays.copyOf(pending, n);
        }
        int s = slotCount++;
        keys[s] = key;
        rings[s] = new double[capacity];
        Arrays.fill(rings[s], Double.NaN);
        mins[s] = new MonotonicDeque(capacity, false);
        maxes[s] = new MonotonicDeque(capacity, true);
        pending[s] = Double.NaN;
        slotsByKey.put(key, s);
        return s;
    }

    private int slot(MetricKey key) {
        Integer s = slotsByKey.get(key);
        return s == null ? -1 : s;
    }

    @Override
    public int ticks() {
        return ticks;
    }

    @Override
    public long sequence() {
        return tickNumber + 1;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public MachineFacts machine() {
        return machine;
    }

    /** The machine the values come from, as the metric source reports it after each sample. */
    public void machine(MachineFacts facts) {
        machine = facts;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public int count(MetricKey key) {
        int s = slot(key);
        return s < 0 ? 0 : counts[s];
    }

    @Override
    public double mean(MetricKey key) {
        int s = slot(key);
        return s < 0 || counts[s] == 0 ? Double.NaN : sums[s] / counts[s];
    }

    @Override
    public double recentMean(MetricKey key, int recentTicks) {
        int s = slot(key);
        if (s < 0) {
            return Double.NaN;
        }
        double sum = 0;
        int n = 0;
        for (int back = 0; back < Math.min(recentTicks, ticks); back++) {
            double v = rings[s][Math.floorMod(head - back, capacity)];
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Override
    public double min(MetricKey key) {
        int s = slot(key);
        return s < 0 ? Double.NaN : mins[s].extreme();
    }

    @Override
    public double max(MetricKey key) {
        int s = slot(key);
        return s < 0 ? Double.NaN : maxes[s].extreme();
    }

    @Override
    public double last(MetricKey key) {
        int s = slot(key);
        return s < 0 || ticks == 0 ? Double.NaN : rings[s][head];
    }

    @Override
    public double percentile(MetricKey key, double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100] but was " + p);
        }
        int s = slot(key);
        if (s < 0 || counts[s] == 0) {
            return Double.NaN;
        }
        int n = 0;
        for (double v : rings[s]) {
            if (!Double.isNaN(v)) {
                scratch[n++] = v;
            }
        }
        // Nearest rank: the smallest value with at least p% of the values at or below it.
        int rank = Math.max(1, (int) Math.ceil(p / 100.0 * n));
        return QuickSelect.select(scratch, n, rank - 1);
    }

    @Override
    public int countAbove(MetricKey key, double threshold) {
        int s = slot(key);
        if (s < 0) {
            return 0;
        }
        int n = 0;
        for (double v : rings[s]) {
            if (v > threshold) { // NaN compares false: missing values never count
                n++;
            }
        }
        return n;
    }

    /** Means of every key in the window, for status displays (allocates; not for the tick path). */
    public Map<String, Double> meansSnapshot() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int s = 0; s < slotCount; s++) {
            if (counts[s] > 0) {
                m.put(keys[s].name(), sums[s] / counts[s]);
            }
        }
        return m;
    }

    /** The newest tick's values, for the Sampled event (allocates; only built when someone listens). */
    public Map<MetricKey, Double> lastTickSnapshot() {
        Map<MetricKey, Double> m = new HashMap<>();
        for (int s = 0; s < slotCount; s++) {
            double v = rings[s][Math.max(head, 0)];
            if (ticks > 0 && !Double.isNaN(v)) {
                m.put(keys[s], v);
            }
        }
        return m;
    }
}
