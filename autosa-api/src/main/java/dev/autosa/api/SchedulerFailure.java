// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import org.jspecify.annotations.Nullable;

/**
 * Something went wrong with a scheduler: it would not start, died, was ejected by the kernel, or
 * would not stop.
 *
 * @param scheduler the {@code scx_*} binary concerned
 * @param kind what happened
 * @param detail what the controller saw (exit code, last stderr lines, sysfs state), for operators
 * @param exitCode the process exit code when it exited, else null
 */
public record SchedulerFailure(String scheduler, Kind kind, String detail, @Nullable Integer exitCode) {

    /** How a scheduler failed. */
    public enum Kind {
        /** The scheduler did not attach within the start timeout, or its process exited at once. */
        START_FAILED,
        /** The scheduler process exited while it should have been running. */
        EXITED,
        /** The kernel disabled the scheduler (error, watchdog stall) while its process lived. */
        EJECTED,
        /** The scheduler would not detach; it was killed. */
        STOP_FAILED
    }

    @Override
    public String toString() {
        return scheduler + " " + kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + detail;
    }
}
