// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import dev.autosa.api.SchedulerFailure;
import dev.autosa.core.AutoSAStatus.FailureRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers which schedulers failed: each failure doubles the scheduler's backoff (from the
 * configured initial backoff up to the maximum), and after too many it is blocklisted for the
 * rest of the engine's life.
 */
public final class FailureTracker {

    private static final class Entry {
        int failures;
        long lastFailureMillis;
        String lastDetail = "";
        long backoffUntilMillis;
        boolean blocklisted;
    }

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int blocklistAfter;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public FailureTracker(Duration initialBackoff, Duration maxBackoff, int blocklistAfter) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.blocklistAfter = blocklistAfter;
    }

    /** Records a failure and returns the backoff it earned. */
    public Duration record(SchedulerFailure failure, long nowMillis) {
        Entry e = entries.computeIfAbsent(failure.scheduler(), k -> new Entry());
        e.failures++;
        e.lastFailureMillis = nowMillis;
        e.lastDetail = failure.toString();
        e.blocklisted = e.failures >= blocklistAfter;
        Duration backoff = backoffAfter(e.failures);
        e.backoffUntilMillis = nowMillis + backoff.toMillis();
        return backoff;
    }

    private Duration backoffAfter(int failures) {
        // initial * 2^(failures-1), computed without overflow.
        Duration d = initialBackoff;
        for (int i = 1; i < failures && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    public boolean isBlocklisted(String scheduler) {
        Entry e = entries.get(scheduler);
        return e != null && e.blocklisted;
    }

    /** The time before which the scheduler must not be chosen, or {@code Long.MIN_VALUE} if none. */
    public long backoffUntil(String scheduler) {
        Entry e = entries.get(scheduler);
        return e == null ? Long.MIN_VALUE : e.backoffUntilMillis;
    }

    public int failures(String scheduler) {
        Entry e = entries.get(scheduler);
        return e == null ? 0 : e.failures;
    }

    public List<FailureRecord> snapshot(long nowMillis) {
        List<FailureRecord> out = new ArrayList<>();
        entries.forEach((name, e) -> out.add(new FailureRecord(name, e.failures, Instant.ofEpochMilli(e.lastFailureMillis),
                e.lastDetail, e.backoffUntilMillis > nowMillis ? Instant.ofEpochMilli(e.backoffUntilMillis) : null,
                e.blocklisted)));
        return out;
    }
}
