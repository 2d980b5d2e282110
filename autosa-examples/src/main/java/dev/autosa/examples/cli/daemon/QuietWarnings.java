// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.daemon;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Lets a recurring warning through at most once per quiet period per kind, with how many
 * occurrences it stands for, like the engine's repeat filter: a client that opens thousands of
 * connections a second must not write thousands of log lines. Thread-safe.
 */
public final class QuietWarnings {

    static final long QUIET_NANOS = 60_000_000_000L;

    private record Window(long warnedAtNanos, long suppressed) {
    }

    private final LongSupplier nanoClock;
    private final Map<String, Window> byKind = new HashMap<>();

    public QuietWarnings(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * Records one occurrence of {@code kind}. Returns 0 or more when it should be logged now: the
     * number of occurrences kept quiet since the last warning; -1 when it should stay quiet.
     */
    public synchronized long occurred(String kind) {
        long now = nanoClock.getAsLong();
        Window w = byKind.get(kind);
        if (w == null || now - w.warnedAtNanos() >= QUIET_NANOS) {
            byKind.put(kind, new Window(now, 0));
            return w == null ? 0 : w.suppressed();
        }
        byKind.put(kind, new Window(w.warnedAtNanos(), w.suppressed() + 1));
        return -1;
    }
}
