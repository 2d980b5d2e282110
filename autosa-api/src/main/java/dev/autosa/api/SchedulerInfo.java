// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a controller's catalog: a scheduler AutoSA knows or found, whether it can be
 * started here, and why not.
 *
 * @param name the binary name, e.g. {@code scx_rusty}
 * @param description what the scheduler is good for, one line
 * @param path where the binary is, or null when it is not installed or was refused
 * @param installed true when the binary was found in a trusted directory and may be started
 * @param refusedReason why a binary that was found may not be started (e.g. world-writable), or empty
 */
public record SchedulerInfo(String name, String description, @Nullable Path path, boolean installed,
        String refusedReason) {

    /**
     * Checks the name.
     *
     * @param name the binary name: {@code scx_} followed by 1..64 of a-z, 0-9 and '_'
     * @param description what the scheduler is good for, one line
     * @param path where the binary is, or null when it is not installed or was refused
     * @param installed true when the binary was found in a trusted directory and may be started
     * @param refusedReason why a binary that was found may not be started, or empty
     * @throws IllegalArgumentException when {@code name} is not of that form
     */
    public SchedulerInfo {
        SchedulerSpec.requireSchedulerName(name);
    }

    /**
     * A scheduler found in a trusted directory, which may be started.
     *
     * @param name the binary name, e.g. {@code scx_rusty}
     * @param description what the scheduler is good for, one line
     * @param path where the binary is
     * @return an installed entry with no refusal
     * @throws IllegalArgumentException when {@code name} is not a scheduler name
     */
    public static SchedulerInfo installed(String name, String description, Path path) {
        return new SchedulerInfo(name, description, path, true, "");
    }

    /**
     * A scheduler AutoSA knows but did not find.
     *
     * @param name the binary name, e.g. {@code scx_rusty}
     * @param description what the scheduler is good for, one line
     * @return an entry that is not installed, with no path and no refusal
     * @throws IllegalArgumentException when {@code name} is not a scheduler name
     */
    public static SchedulerInfo missing(String name, String description) {
        return new SchedulerInfo(name, description, null, false, "");
    }
}
