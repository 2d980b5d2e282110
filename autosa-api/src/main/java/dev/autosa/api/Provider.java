// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

/**
 * What every pluggable part of AutoSA has in common, so discovery can pick among providers the way
 * SLF4J picks a binding: the highest {@link #priority()} among those that are {@link #isAvailable()}.
 */
public interface Provider {

    /**
     * A short, stable name for logs and status.
     *
     * @return e.g. {@code "proc"} or {@code "scx-process"}
     */
    String name();

    /**
     * Higher wins when several providers are available; on a tie the provider whose name sorts
     * first wins (and a warning names both). Built-in providers use 1..100, the built-in classifier
     * -100, so a plug-in with the default 0 wins over it.
     *
     * @return the priority; 0 by default
     */
    default int priority() {
        return 0;
    }

    /**
     * Whether this provider can work on this machine right now (files present, permissions).
     *
     * @return true when discovery may choose it
     */
    boolean isAvailable();

    /**
     * Why {@link #isAvailable()} is false, in words an operator can act on, e.g.
     * {@code "/sys/kernel/sched_ext not found (kernel without CONFIG_SCHED_CLASS_EXT)"}.
     *
     * @return the reason, or empty when available
     */
    default String unavailableReason() {
        return "";
    }
}
