// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * Runs the engine's tick every collection interval, with a fixed delay between the end of one tick
 * and the start of the next: a slow tick delays the next one instead of making ticks stack up and
 * run back to back (as a fixed rate would, to catch up). The drift this causes (a tick's own
 * duration, microseconds) is harmless: every rate is computed over the real elapsed time.
 */
public interface Loop {

    /** Starts ticking; the first tick runs at once. */
    void start();

    /** False once ticks no longer come: after {@link #stop()}, or when what runs them went away. */
    boolean alive();

    /** Why {@link #alive()} is false although nobody stopped the loop, for status and the log. */
    String deathReason();

    /** Stops scheduling; a tick that is running finishes. */
    void stop();

    /**
     * Waits until a tick that is running has finished after {@link #stop()}; false when it did
     * not within {@code timeout}.
     */
    boolean awaitStopped(Duration timeout) throws InterruptedException;

    /** Runs one tick; an exception escaping here would end every future tick, so it is logged instead. */
    static void runSafely(Runnable tick, Logger log) {
        try {
            tick.run();
        } catch (RuntimeException | Error e) {
            // Engine.tick() handles its parts' failures: this is the last line of defence for the loop.
            log.error("tick failed unexpectedly; the loop goes on", e);
        }
    }
}
