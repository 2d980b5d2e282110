// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Metrics recorded earlier (e.g. a proc capture), replayed as a {@link MetricSource}: each
 * {@link #sample} reads the next recorded tick, and {@link #clock()} gives the recording's own
 * time, so a replay decides exactly as the live run would have.
 */
public interface Recording extends MetricSource {

    /** When the recording started. */
    Instant start();

    /** The interval it was recorded at. */
    Duration interval();

    /** The time of the tick the next {@link #sample} reads. */
    InstantSource clock();

    /** Whether a tick is left to read. */
    boolean hasNext();

    /** How many ticks the recording holds. */
    int tickCount();
}
