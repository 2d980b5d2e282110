// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.core.AutoSA;
import dev.autosa.core.AutoSAStatus;
import dev.autosa.core.ExperimentStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The engine's status and closed loop for the control socket and the metrics endpoint, without
 * waiting for a scheduler switch: the engine
 * holds its lock for the whole tick, and starting a scheduler takes seconds, which is exactly
 * when an operator asks. While a switch runs, the answer is the last status read plus the switch
 * in progress; otherwise a fresh one. One read at a time goes to the engine (on {@code reader}),
 * so requests during a switch do not pile up threads waiting for its lock.
 */
final class LiveStatus {

    /**
     * A status and the closed loop's, read together, and the switch in progress when they are the
     * last ones read before it.
     */
    record Snapshot(AutoSAStatus status, ExperimentStatus experiments, ManagedController.@Nullable Switch switching) {
    }

    private record Reading(AutoSAStatus status, ExperimentStatus experiments) {
    }

    private final Supplier<Reading> read;
    private final @Nullable ManagedController controller;
    private final Executor reader;
    private volatile Reading last;
    private @Nullable CompletableFuture<Reading> pending;

    /** Reads a first status at once, before any switch can start. */
    LiveStatus(AutoSA autosa, @Nullable ManagedController controller, Executor reader) {
        this.read = () -> new Reading(autosa.status(), autosa.experiments());
        this.controller = controller;
        this.reader = reader;
        this.last = read.get();
    }

    /** The status, as {@link #get()} answers it. */
    AutoSAStatus status() {
        return get().status();
    }

    /** The closed loop's status, as {@link #get()} answers it. */
    ExperimentStatus experiments() {
        return get().experiments();
    }

    Snapshot get() {
        ManagedController c = controller;
        CompletableFuture<ManagedController.Switch> started = c != null ? c.nextSwitch() : null;
        ManagedController.Switch now = c != null ? c.switching() : null;
        if (now != null) {
            return snapshot(last, now);
        }
        CompletableFuture<Reading> fresh = readOnce();
        try {
            Object first = started == null ? fresh.join() : CompletableFuture.anyOf(fresh, started).join();
            if (first instanceof ManagedController.Switch s) {
                return snapshot(last, s);
            }
            return snapshot((Reading) first, null);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static Snapshot snapshot(Reading r, ManagedController.@Nullable Switch switching) {
        return new Snapshot(r.status(), r.experiments(), switching);
    }

    /** The read in progress, or a new one: at most one thread waits for the engine. */
    private synchronized CompletableFuture<Reading> readOnce() {
        CompletableFuture<Reading> p = pending;
        if (p == null || p.isDone()) {
            p = CompletableFuture.supplyAsync(read, reader);
            p.thenAccept(s -> last = s);
            pending = p;
        }
        return p;
    }
}
