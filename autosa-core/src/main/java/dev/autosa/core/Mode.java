// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import java.util.Locale;

/** What the engine does with its recommendation. */
public enum Mode {
    /** Switch schedulers when the policy allows. */
    AUTO,
    /** Decide and report, never switch. */
    RECOMMEND,
    /** Switch a simulated controller: every decision is made as in AUTO, nothing touches the kernel. */
    DRY_RUN;

    /** {@return the id used in flags, config files and JSON: {@code auto}, {@code recommend} or {@code dry-run}} */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses an id.
     *
     * @param id {@code auto}, {@code recommend} or {@code dry-run} (exactly, lower case)
     * @return the mode
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static Mode parse(String id) {
        for (Mode m : values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("mode must be one of auto, recommend, dry-run but was \"" + id + "\"");
    }
}
