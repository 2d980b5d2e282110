// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition by polling: sysfs has no change notification for sched_ext's state, and
 * a process exit is one of several things a wait ends on.
 */
public final class Poll {

    private Poll() {
    }

    /** True as soon as {@code condition} holds, false after {@code timeout} or when interrupted (flag kept). */
    public static boolean until(BooleanSupplier condition, Duration timeout, Duration step) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(step.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
    }
}
