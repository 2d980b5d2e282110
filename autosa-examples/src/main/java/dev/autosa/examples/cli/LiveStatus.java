// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.core.AutoSAStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The engine's status for the control socket, without waiting for a scheduler switch: the engine
 * holds its lock for the whole tick, and starting a scheduler takes seconds, which is exactly
 * when an operator asks. While a switch runs, the answer is the last status read plus the switch
 * in progress; otherwise a fresh one. One read at a time goes to the engine (on {@code reader}),
 * so requests during a switch do not pile up threads waiting for its lock.
 */
final class LiveStatus {

    /** A status, and the switch in progress when the status is the last one read before it. */
    record Snapshot(AutoSAStatus status, ManagedController.@Nullable Switch switching) {
    }

    private final Supplier<AutoSAStatus> read;
    private final @Nullable ManagedController controller;
    private final Executor reader;
    private volatile AutoSAStatus last;
    private @Nullable CompletableFuture<AutoSAStatus> pending;

    /** Reads a first status at once, before any switch can start. */
    LiveStatus(Supplier<AutoSAStatus> read, @Nullable ManagedController controller, Executor reader) {
        this.read = read;
        this.controller = controller;
        this.reader = reader;
        this.last = read.get();
    }

    Snapshot get() {
        ManagedController c = controller;
        CompletableFuture<ManagedController.Switch> started = c != null ? c.nextSwitch() : null;
        ManagedController.Switch now = c != null ? c.switching() : null;
        if (now != null) {
            return new Snapshot(last, now);
        }
        CompletableFuture<AutoSAStatus> fresh = readOnce();
        try {
            Object first = started == null ? fresh.join() : CompletableFuture.anyOf(fresh, started).join();
            if (first instanceof ManagedController.Switch s) {
                return new Snapshot(last, s);
            }
            return new Snapshot((AutoSAStatus) first, null);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The read in progress, or a new one: at most one thread waits for the engine. */
    private synchronized CompletableFuture<AutoSAStatus> readOnce() {
        CompletableFuture<AutoSAStatus> p = pending;
        if (p == null || p.isDone()) {
            p = CompletableFuture.supplyAsync(read, reader);
            p.thenAccept(s -> last = s);
            pending = p;
        }
        return p;
    }
}
