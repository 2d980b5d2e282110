// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine's tick every collection interval on one scheduler thread. Each tick schedules
 * the next one at the next interval boundary after it finished, so a slow tick skips boundaries
 * instead of making ticks stack up and run back to back.
 */
public final class Loop {

    private static final Logger LOG = LoggerFactory.getLogger(Loop.class);

    private final ScheduledExecutorService executor;
    private final Runnable tick;
    private final long intervalNanos;
    private final Object lock = new Object();
    private @Nullable ScheduledFuture<?> next;
    private long nextDueNanos;
    private boolean stopped;

    public Loop(ScheduledExecutorService executor, Duration interval, Runnable tick) {
        this.executor = executor;
        this.intervalNanos = interval.toNanos();
        this.tick = tick;
    }

    public void start() {
        synchronized (lock) {
            nextDueNanos = System.nanoTime();
            schedule(0);
        }
    }

    private void run() {
        try {
            tick.run();
        } catch (RuntimeException | Error e) {
            // Engine.tick() handles its parts' failures; this is the last line of defence for the thread.
            LOG.error("tick failed unexpectedly; the loop goes on", e);
        }
        synchronized (lock) {
            if (stopped) {
                return;
            }
            long now = System.nanoTime();
            nextDueNanos += intervalNanos;
            if (nextDueNanos < now) {
                long missed = (now - nextDueNanos) / intervalNanos + 1;
                nextDueNanos += missed * intervalNanos;
            }
            schedule(nextDueNanos - now);
        }
    }

    private void schedule(long delayNanos) {
        try {
            next = executor.schedule(this::run, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            if (!stopped) {
                LOG.error("the executor refused the next tick; the loop stops", e);
            }
        }
    }

    /** Stops scheduling; a tick that is running finishes. */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
        }
    }
}
