// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine's tick every collection interval on one scheduler thread, with a fixed delay
 * between the end of one tick and the start of the next: a slow tick delays the next one instead
 * of making ticks stack up and run back to back (as a fixed rate would, to catch up). The drift
 * this causes (a tick's own duration, microseconds) is harmless: every rate is computed over the
 * real elapsed time. Scheduling once also means no allocation per tick.
 */
public final class Loop {

    private static final Logger LOG = LoggerFactory.getLogger(Loop.class);

    private final ScheduledExecutorService executor;
    private final Runnable tick;
    private final Duration interval;
    private @Nullable ScheduledFuture<?> future;

    public Loop(ScheduledExecutorService executor, Duration interval, Runnable tick) {
        this.executor = executor;
        this.interval = interval;
        this.tick = tick;
    }

    public synchronized void start() {
        future = executor.scheduleWithFixedDelay(this::runSafely, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void runSafely() {
        try {
            tick.run();
        } catch (RuntimeException | Error e) {
            // Engine.tick() handles its parts' failures; an exception escaping here would cancel
            // every future tick, so this is the last line of defence for the loop.
            LOG.error("tick failed unexpectedly; the loop goes on", e);
        }
    }

    /**
     * False once the executor stopped scheduling ticks: {@link #stop()}, or the executor was shut
     * down under the loop (a host's executor, shut down by the host).
     */
    public synchronized boolean alive() {
        return future != null && !future.isDone() && !executor.isShutdown();
    }

    /** Stops scheduling; a tick that is running finishes. */
    public synchronized void stop() {
        if (future != null) {
            future.cancel(false);
        }
    }
}
