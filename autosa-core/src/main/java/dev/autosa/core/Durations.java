// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import java.time.Duration;

/** Formats durations the way AutoSA's messages show them: {@code 300s}, {@code 1500ms}. */
public final class Durations {

    private Durations() {
    }

    /**
     * Formats a duration as whole seconds when it is one, else as milliseconds.
     *
     * @param d the duration; sub-millisecond parts are dropped
     * @return e.g. {@code "300s"} or {@code "1500ms"}
     */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 == 0) {
            return (ms / 1000) + "s";
        }
        return ms + "ms";
    }
}
