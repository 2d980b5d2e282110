// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static dev.autosa.core.Durations.format;

import dev.autosa.core.AutoSAStatus.Health;
import dev.autosa.core.internal.Engine;
import dev.autosa.core.internal.EngineSnapshot;
import dev.autosa.core.internal.ExecutorLoop;
import dev.autosa.core.internal.Loop;
import dev.autosa.core.internal.ThreadLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts, watches and closes the loop of one {@link AutoSA}: which state it is in, whether ticks
 * still come, and closing without waiting for itself when a listener closes AutoSA from inside a
 * tick.
 */
final class Lifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AutoSA.class);
    /** A tick may legitimately take long (a scheduler start waits for the kernel); stalls are longer. */
    private static final Duration MIN_STALL = Duration.ofSeconds(30);
    private static final int STALL_INTERVALS = 5;

    private final Engine engine;
    private final @Nullable ScheduledExecutorService hostExecutor;
    private @Nullable Loop loop;
    private @Nullable Instant startedAt;
    private boolean closed;
    private boolean deathLogged;
    private boolean stallLogged;

    /** @param hostExecutor the executor the builder was given, or null: AutoSA ticks on a thread of its own */
    Lifecycle(Engine engine, @Nullable ScheduledExecutorService hostExecutor) {
        this.engine = engine;
        this.hostExecutor = hostExecutor;
    }

    synchronized void start(Duration interval, Runnable tick) {
        requireOpen();
        if (loop != null) {
            throw new IllegalStateException("autosa is already started");
        }
        startedAt = engine.now();
        Loop l = hostExecutor != null ? new ExecutorLoop(hostExecutor, interval, tick) : new ThreadLoop(interval, tick);
        l.start();
        loop = l;
    }

    synchronized void requireManual() {
        requireOpen();
        if (loop != null) {
            throw new IllegalStateException("tick() cannot be called while the loop runs; call it instead of start()");
        }
    }

    /** Returns true for the call that closed; false when closed already. */
    boolean close(boolean keepScheduler) {
        Loop l;
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            l = loop;
            if (l != null) {
                l.stop();
            }
        }
        if (engine.isTickingOnCurrentThread()) {
            // Called by a listener: waiting for the loop thread would wait for ourselves. The
            // engine is released when this tick ends.
            engine.afterTick(() -> engine.shutdown(keepScheduler));
            return true;
        }
        if (l != null) {
            try {
                if (!l.awaitStopped(Duration.ofSeconds(30))) {
                    LOG.warn("the loop thread did not finish its tick within 30s; closing anyway");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        engine.shutdown(keepScheduler);
        return true;
    }

    AutoSAStatus status() {
        EngineSnapshot s = engine.snapshot();
        boolean running;
        Health health;
        synchronized (this) {
            running = loop != null && !closed && loop.alive();
            health = health(s, running);
        }
        return new AutoSAStatus(s.time(), running, startedAt, s.lastTickAt(), health, s.mode(), s.modeReason(),
                s.providers(), s.classification(), s.recommended(), s.active(), s.lastSwitch(),
                s.nextSwitchAllowedAt(), s.failures(), s.recentDecisions(), s.counters(), s.windowMeans());
    }

    private Health health(EngineSnapshot s, boolean running) {
        if (closed) {
            return new Health(Health.State.STOPPED, "closed");
        }
        Loop l = loop;
        if (l == null) {
            return s.lastTickAt() == null ? new Health(Health.State.STOPPED, "not started")
                    : Health.OK; // driven by tick()
        }
        if (!running) {
            String why = l.deathReason() + "; no ticks run until AutoSA is rebuilt";
            if (!deathLogged) {
                deathLogged = true;
                LOG.error("{}", why);
            }
            return new Health(Health.State.STOPPED, why);
        }
        Duration interval = engine.interval();
        Duration limit = interval.multipliedBy(STALL_INTERVALS);
        if (limit.compareTo(MIN_STALL) < 0) {
            limit = MIN_STALL;
        }
        Instant last = s.lastTickAt() != null ? s.lastTickAt() : startedAt;
        if (last != null && Duration.between(last, s.time()).compareTo(limit) > 0) {
            String why = "no tick for " + format(Duration.between(last, s.time())) + " (collection interval "
                    + format(interval) + ")";
            if (!stallLogged) { // once per stall, however often status() is asked
                stallLogged = true;
                LOG.warn("autosa loop stalled: {}", why);
            }
            return new Health(Health.State.STALLED, why);
        }
        stallLogged = false;
        return Health.OK;
    }

    synchronized void requireOpen() {
        if (closed) {
            throw new IllegalStateException("autosa is closed");
        }
    }
}
