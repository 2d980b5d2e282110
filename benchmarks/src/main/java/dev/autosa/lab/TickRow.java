// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.lab;

import dev.autosa.api.Decision;
import org.jspecify.annotations.Nullable;

/**
 * One tick of a replay, as the scorer needs it: when (ms since the capture's start), the verdict
 * and the policy's action ({@code switch}, {@code hold} or {@code none}).
 */
public record TickRow(long tMs, String workload, double confidence, String action, @Nullable String recommended) {

    public static final String SWITCH = "switch";

    public boolean isSwitch() {
        return action.equals(SWITCH);
    }

    /**
     * The row of the decision of the tick at {@code tMs}. The tick's time is passed in because the
     * engine hands back the same decision instance (with its first time) while nothing changes.
     */
    public static TickRow of(long tMs, Decision d) {
        return new TickRow(tMs, d.classification().workload().id(), d.classification().confidence(), d.action().id(),
                d.recommended());
    }
}
