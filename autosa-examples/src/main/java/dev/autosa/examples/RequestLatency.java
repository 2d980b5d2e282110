// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples;

import java.util.Arrays;

/**
 * A service's own request latency, the signal an embedding application gives AutoSA as its
 * objective: request handlers {@link #record} how long each request took, and AutoSA reads the
 * 99th percentile of the requests since its previous read, once per tick. Keeps at most the last
 * {@value #CAPACITY} requests between two reads.
 */
public final class RequestLatency {

    /** An empty record of requests. */
    public RequestLatency() {
    }

    static final int CAPACITY = 4096;

    private final long[] nanos = new long[CAPACITY];
    private int count;
    private int next;

    /**
     * Called by a request handler when a request finished.
     *
     * @param durationNanos how long the request took
     */
    public synchronized void record(long durationNanos) {
        nanos[next] = durationNanos;
        next = (next + 1) % CAPACITY;
        count = Math.min(count + 1, CAPACITY);
    }

    /**
     * The 99th percentile (nearest rank) of the requests since the last call.
     *
     * @return milliseconds, or NaN when there were no requests
     */
    public synchronized double p99MillisSinceLastRead() {
        if (count == 0) {
            return Double.NaN;
        }
        long[] recent = new long[count];
        for (int i = 0; i < count; i++) {
            recent[i] = nanos[Math.floorMod(next - 1 - i, CAPACITY)];
        }
        count = 0;
        Arrays.sort(recent);
        int rank = (int) Math.ceil(0.99 * recent.length);
        return recent[Math.max(0, rank - 1)] / 1e6;
    }
}
