// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the switch policy decided on one tick, and why, e.g. hold because "confidence 0.62 below
 * threshold 0.70".
 *
 * @param time when the decision was made (the engine's clock)
 * @param action what the policy did
 * @param classification the verdict it acted on
 * @param recommended the scheduler the preference table picks for that workload: a {@code scx_*}
 *     name, or null for the kernel default (also null when nothing installed suits it)
 * @param reason why, in words
 */
public record Decision(Instant time, Action action, Classification classification, @Nullable String recommended,
        String reason) {

    public enum Action {
        /** The policy switched (or, in dry-run, would have; in recommend mode: recommends switching). */
        SWITCH,
        /** The recommendation differs from what runs, but the policy waits (reason says why). */
        HOLD,
        /** Nothing to do: what runs is what is recommended, or the engine is warming up. */
        NONE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The recommended scheduler for display: its name or "kernel default". */
    public String recommendedDisplay() {
        return recommended == null ? "kernel default" : recommended;
    }
}
