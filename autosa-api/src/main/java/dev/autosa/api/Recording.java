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

    /**
     * When the recording started.
     *
     * @return the time of the first recorded tick
     */
    Instant start();

    /**
     * The interval it was recorded at.
     *
     * @return the nominal time between two recorded ticks
     */
    Duration interval();

    /**
     * The recording's own time, to give the engine as its clock.
     *
     * @return a clock showing the time of the tick the next {@link #sample} reads
     */
    InstantSource clock();

    /**
     * Whether a tick is left to read.
     *
     * @return true while {@link #sample} has a recorded tick to read
     */
    boolean hasNext();

    /**
     * How many ticks the recording holds.
     *
     * @return the number of recorded ticks, read or not
     */
    int tickCount();
}
