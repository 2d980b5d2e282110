// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import dev.autosa.api.Decision;
import dev.autosa.core.AutoSAStatus;

/**
 * What the engine's ticks did, counted for status. Plain longs under the engine's monitor, so
 * counting never allocates.
 */
final class TickCounters {

    private long ticks;
    private long slowTicks;
    private long switches;
    private long recommendations;
    private long holds;
    private long nones;
    private long failures;
    private long reverts;

    void tick() {
        ticks++;
    }

    /** A tick that ran late or lost a part (a failing source, classifier or health check). */
    void slowTick() {
        slowTicks++;
    }

    void decided(Decision.Action action) {
        switch (action) {
            case SWITCH -> switches++;
            case RECOMMEND -> recommendations++;
            case HOLD -> holds++;
            case NONE -> nones++;
            default -> throw new IllegalStateException();
        }
    }

    void failed() {
        failures++;
    }

    long failures() {
        return failures;
    }

    void reverted() {
        reverts++;
    }

    AutoSAStatus.Counters snapshot(long missedTicks, long rejectedValues) {
        return new AutoSAStatus.Counters(ticks, switches, recommendations, holds, nones, failures, slowTicks,
                missedTicks, rejectedValues, reverts);
    }
}
