// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand, so hours of engine time pass in milliseconds. */
final class ManualClock implements InstantSource {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private long millis = START.toEpochMilli();

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
        return millis;
    }

    void advance(Duration d) {
        millis += d.toMillis();
    }

    long secondsSinceStart() {
        return (millis - START.toEpochMilli()) / 1000;
    }
}
