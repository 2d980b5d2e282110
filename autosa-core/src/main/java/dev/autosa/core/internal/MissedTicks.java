// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import static dev.autosa.core.Durations.format;

import java.time.Duration;

/**
 * Counts ticks that should have started by the clock but did not: the loop runs at a fixed delay,
 * so a tick (or a stalled host) that takes longer than the interval pushes the next ones back
 * instead of stacking them. A slow-tick count says 1 where many ticks were lost; this says how
 * many, and warns at most once a minute.
 */
final class MissedTicks {

    private final long intervalMillis;
    private final Duration interval;
    private final Warnings warnings;
    private long lastTickMillis = Long.MIN_VALUE;
    private long missed;

    MissedTicks(Duration interval, Warnings warnings) {
        this.interval = interval;
        this.intervalMillis = interval.toMillis();
        this.warnings = warnings;
    }

    /** A tick starts now. */
    void tick(long now) {
        if (lastTickMillis != Long.MIN_VALUE && now - lastTickMillis >= 2 * intervalMillis) {
            missed += (now - lastTickMillis) / intervalMillis - 1;
            warnings.warnOrDebug("missed", now, "the loop falls behind: ticks were missed (collection interval "
                    + format(interval) + "; status counters.missedTicks counts them)", null);
        }
        lastTickMillis = now;
    }

    long missed() {
        return missed;
    }

    /** When the last tick started, {@code Long.MIN_VALUE} before the first. */
    long lastTickMillis() {
        return lastTickMillis;
    }
}
