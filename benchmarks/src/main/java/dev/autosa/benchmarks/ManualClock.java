// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A clock the benchmark advances by hand, so every measured tick is "one second later" for the
 * engine however fast it runs. {@link #millis()} allocates nothing; the engine reads only that.
 */
public final class ManualClock implements InstantSource {

    private long millis = Instant.parse("2026-11-25T00:00:00Z").toEpochMilli();
    private final long stepMillis;

    /** @param step how far {@link #advance()} moves; converted once, since Duration math may allocate */
    public ManualClock(Duration step) {
        this.stepMillis = step.toMillis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
        return millis;
    }

    public void advance() {
        millis += stepMillis;
    }
}
