// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.metrics;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The engine's loop thread, timing each run of its task: the engine schedules one periodic task
 * (its tick), and a periodic task passes through {@code beforeExecute}/{@code afterExecute} on
 * every run, so each tick's duration is measured without a hook in the engine. One thread, so one
 * field holds the start.
 */
public final class TimedLoopExecutor extends ScheduledThreadPoolExecutor {

    private final LongConsumer tickNanos;
    private long startNanos;

    /** @param tickNanos told each tick's duration in nanoseconds, on the loop thread */
    public TimedLoopExecutor(LongConsumer tickNanos) {
        super(1, r -> {
            Thread t = new Thread(r, "autosa-loop");
            t.setDaemon(true);
            return t;
        });
        this.tickNanos = tickNanos;
        setRemoveOnCancelPolicy(true);
    }

    @Override
    protected void beforeExecute(Thread t, Runnable r) {
        startNanos = System.nanoTime();
    }

    @Override
    protected void afterExecute(Runnable r, @Nullable Throwable t) {
        tickNanos.accept(System.nanoTime() - startNanos);
    }
}
