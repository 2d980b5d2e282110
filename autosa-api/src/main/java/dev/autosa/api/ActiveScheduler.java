// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import org.jspecify.annotations.Nullable;

/**
 * What the kernel really runs, read back from the kernel (for sched_ext:
 * {@code /sys/kernel/sched_ext/state} and {@code root/ops}), never remembered.
 *
 * @param state the sched_ext state
 * @param ops the BPF scheduler's ops name as the kernel reports it (e.g. {@code "simple"},
 *     {@code "rusty_1.0.4_x86_64"}), or null when none is loaded
 * @param scheduler the {@code scx_*} binary the controller believes owns it, or null if unknown
 * @param pid the process that runs it, or -1 if unknown
 * @param managed true when this controller manages it: it started it, or adopted it with {@code adopt()};
 *     false when someone else runs it (left alone) or the owner is unknown
 */
public record ActiveScheduler(State state, @Nullable String ops, @Nullable String scheduler, long pid,
        boolean managed) {

    /** The kernel's own scheduler (EEVDF) is running: no sched_ext scheduler is loaded. */
    public static final ActiveScheduler KERNEL_DEFAULT = new ActiveScheduler(State.DISABLED, null, null, -1, false);

    /** sched_ext's state, as {@code /sys/kernel/sched_ext/state} names it. */
    public enum State {
        /** No BPF scheduler is loaded: the kernel's own scheduler runs. */
        DISABLED,
        /** A BPF scheduler is being attached. */
        ENABLING,
        /** A BPF scheduler is attached and runs the machine's tasks. */
        ENABLED,
        /** A BPF scheduler is being detached (it exited, failed, or was stopped). */
        DISABLING;

        /**
         * The state as the kernel writes it.
         *
         * @return {@code "disabled"}, {@code "enabling"}, {@code "enabled"} or {@code "disabling"}
         */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Whether no sched_ext scheduler is loaded.
     *
     * @return true when the state is {@link State#DISABLED}
     */
    public boolean isKernelDefault() {
        return state == State.DISABLED;
    }

    /**
     * The scheduler to show an operator: the binary if known, else the ops name, else "kernel default".
     *
     * @return e.g. {@code "scx_simple"}, {@code "sched_ext ops simple"} or {@code "kernel default"}
     */
    public String displayName() {
        if (isKernelDefault()) {
            return "kernel default";
        }
        if (scheduler != null) {
            return scheduler;
        }
        return ops != null ? "sched_ext ops " + ops : "sched_ext (unknown)";
    }
}
