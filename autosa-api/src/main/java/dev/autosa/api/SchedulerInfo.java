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

    public SchedulerInfo {
        SchedulerSpec.requireSchedulerName(name);
    }

    public static SchedulerInfo installed(String name, String description, Path path) {
        return new SchedulerInfo(name, description, path, true, "");
    }

    public static SchedulerInfo missing(String name, String description) {
        return new SchedulerInfo(name, description, null, false, "");
    }
}
