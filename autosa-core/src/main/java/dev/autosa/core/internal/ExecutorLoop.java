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
 * The loop on a host's executor ({@code AutoSA.Builder.executor}): one periodic task with a fixed
 * delay, scheduled once. The host owns the executor: it is neither shut down nor waited for here.
 */
public final class ExecutorLoop implements Loop {

    private static final Logger LOG = LoggerFactory.getLogger(Loop.class);

    private final ScheduledExecutorService executor;
    private final Runnable tick;
    private final Duration interval;
    private @Nullable ScheduledFuture<?> future;

    public ExecutorLoop(ScheduledExecutorService executor, Duration interval, Runnable tick) {
        this.executor = executor;
        this.interval = interval;
        this.tick = tick;
    }

    @Override
    public synchronized void start() {
        future = executor.scheduleWithFixedDelay(() -> Loop.runSafely(tick, LOG), 0, interval.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /** False also when the executor was shut down under the loop (by the host that owns it). */
    @Override
    public synchronized boolean alive() {
        return future != null && !future.isDone() && !executor.isShutdown();
    }

    @Override
    public String deathReason() {
        return "the loop's executor stopped running ticks (shut down under a running AutoSA?)";
    }

    @Override
    public synchronized void stop() {
        if (future != null) {
            future.cancel(false);
        }
    }

    /** The host's executor may run a tick still: the engine's monitor makes closing wait for it. */
    @Override
    public boolean awaitStopped(Duration timeout) {
        return true;
    }
}
