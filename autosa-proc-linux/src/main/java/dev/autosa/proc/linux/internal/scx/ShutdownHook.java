// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM shutdown hook that exists only while the controller manages a scheduler: a JVM that exits
 * without {@code close()} still stops what it started, and a closed controller leaves no hook.
 */
public final class ShutdownHook {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownHook.class);

    private final Runnable action;
    private @Nullable Thread hook;

    public ShutdownHook(Runnable action) {
        this.action = action;
    }

    public synchronized void register() {
        if (hook != null) {
            return;
        }
        Thread t = new Thread(action, "autosa-scx-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(t);
            hook = t;
        } catch (IllegalStateException e) {
            LOG.warn("JVM is shutting down: no hook registered to stop the scheduler");
        }
    }

    public synchronized void remove() {
        Thread t = hook;
        hook = null;
        if (t != null && Thread.currentThread() != t) {
            try {
                Runtime.getRuntime().removeShutdownHook(t);
            } catch (IllegalStateException e) {
                // the JVM is shutting down and runs the hook anyway; close() makes it a no-op
            }
        }
    }
}
