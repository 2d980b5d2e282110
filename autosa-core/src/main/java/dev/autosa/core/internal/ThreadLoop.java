// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AutoSA's own loop: one daemon thread, {@code autosa-loop}, that runs a tick and then parks until
 * the next one is due. Between two ticks the thread only sleeps and wakes: no queue, lock, future
 * or condition to go through. With the daemon's flags (C1 only, caches cold after a second) a
 * scheduled executor's wake-up and re-queueing cost about 150 µs of CPU per tick (measured with
 * benchmarks' TickProfileMain), a third of what the tick itself costs.
 */
public final class ThreadLoop implements Loop {

    private static final Logger LOG = LoggerFactory.getLogger(Loop.class);

    private final Thread thread;
    private final long intervalNanos;
    private final Runnable tick;
    private volatile boolean stopped;

    public ThreadLoop(Duration interval, Runnable tick) {
        this.intervalNanos = interval.toNanos();
        this.tick = tick;
        this.thread = new Thread(this::run, "autosa-loop");
        thread.setDaemon(true);
    }

    @Override
    public void start() {
        thread.start();
    }

    private void run() {
        while (!stopped) {
            Loop.runSafely(tick, LOG);
            long due = System.nanoTime() + intervalNanos;
            for (long wait = intervalNanos; !stopped && wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(this, wait);
                // stop() ends the loop, not an interrupt; a flag left set would make every park return at once.
                Thread.interrupted();
            }
        }
    }

    @Override
    public boolean alive() {
        return !stopped && thread.isAlive();
    }

    @Override
    public String deathReason() {
        return "the loop's thread " + thread.getName() + " ended (see the log for an error)";
    }

    @Override
    public void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    @Override
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        if (thread == Thread.currentThread() || !thread.isAlive()) {
            return true;
        }
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeout.toNanos())));
        return !thread.isAlive();
    }
}
