// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.Classification;
import dev.autosa.api.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A consistent snapshot of the engine for operators: what it sees, what it recommends, what the
 * kernel really runs, and why it did or did not switch.
 *
 * @param time when the snapshot was taken
 * @param running whether the loop runs
 * @param startedAt when {@code start()} was called, or null
 * @param mode the mode in force (may be weaker than configured, see {@code modeReason})
 * @param modeReason why that mode, e.g. "no SchedulerController available: ...; running in recommend mode"
 * @param providers the metric source, classifier and controller in use, by name
 * @param ticks ticks run so far
 * @param slowTicks ticks that took longer than the collection interval or failed
 * @param classification the latest verdict, or null before the first tick
 * @param recommended the recommended {@code scx_*} scheduler, null for the kernel default or before the first tick
 * @param active what the kernel runs, read back from the controller
 * @param lastSwitch the last switch, or null
 * @param nextSwitchAllowedAt when the min switch interval next allows a switch, or null if it allows one now
 * @param failures per-scheduler failure state (count, backoff, blocklist)
 * @param recentDecisions the last distinct decisions, oldest first
 * @param counters decision counters: switches, holds, failures, ticks without a decision
 * @param windowMeans means of the window's metrics by key
 */
public record AutoSAStatus(
        Instant time,
        boolean running,
        @Nullable Instant startedAt,
        Mode mode,
        String modeReason,
        Map<String, String> providers,
        long ticks,
        long slowTicks,
        @Nullable Classification classification,
        @Nullable String recommended,
        ActiveScheduler active,
        @Nullable SwitchRecord lastSwitch,
        @Nullable Instant nextSwitchAllowedAt,
        List<FailureRecord> failures,
        List<Decision> recentDecisions,
        Map<String, Long> counters,
        Map<String, Double> windowMeans) {

    /** A switch that happened: from and to are {@code scx_*} names, null for the kernel default. */
    public record SwitchRecord(Instant time, @Nullable String from, @Nullable String to, String reason,
            boolean simulated) {
    }

    /**
     * A scheduler that failed.
     *
     * @param backoffUntil the policy will not choose it before this time, or null
     * @param blocklisted true when it failed too often and is never chosen again
     */
    public record FailureRecord(String scheduler, int failures, Instant lastFailure, String lastDetail,
            @Nullable Instant backoffUntil, boolean blocklisted) {
    }
}
