// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.Classification;
import dev.autosa.api.Decision;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A consistent snapshot of the engine for operators: what it sees, what it recommends, what the
 * kernel really runs, why it did or did not switch, and whether the loop is healthy. Made by
 * {@link AutoSA#status()} only.
 */
public final class AutoSAStatus {

    private final Instant time;
    private final boolean running;
    private final @Nullable Instant startedAt;
    private final @Nullable Instant lastTickAt;
    private final Health health;
    private final Mode mode;
    private final String modeReason;
    private final Map<String, String> providers;
    private final @Nullable Classification classification;
    private final @Nullable String recommended;
    private final ActiveScheduler active;
    private final @Nullable SwitchRecord lastSwitch;
    private final @Nullable Instant nextSwitchAllowedAt;
    private final List<FailureRecord> failures;
    private final List<Decision> recentDecisions;
    private final Counters counters;
    private final Map<String, Double> windowMeans;

    AutoSAStatus(Instant time, boolean running, @Nullable Instant startedAt, @Nullable Instant lastTickAt,
            Health health, Mode mode, String modeReason, Map<String, String> providers,
            @Nullable Classification classification, @Nullable String recommended, ActiveScheduler active,
            @Nullable SwitchRecord lastSwitch, @Nullable Instant nextSwitchAllowedAt, List<FailureRecord> failures,
            List<Decision> recentDecisions, Counters counters, Map<String, Double> windowMeans) {
        this.time = time;
        this.running = running;
        this.startedAt = startedAt;
        this.lastTickAt = lastTickAt;
        this.health = health;
        this.mode = mode;
        this.modeReason = modeReason;
        this.providers = Map.copyOf(providers);
        this.classification = classification;
        this.recommended = recommended;
        this.active = active;
        this.lastSwitch = lastSwitch;
        this.nextSwitchAllowedAt = nextSwitchAllowedAt;
        this.failures = List.copyOf(failures);
        this.recentDecisions = List.copyOf(recentDecisions);
        this.counters = counters;
        this.windowMeans = Map.copyOf(windowMeans);
    }

    /** {@return when the snapshot was taken, on the engine's clock} */
    public Instant time() {
        return time;
    }

    /** {@return whether the loop runs: started, not closed, and its executor still schedules ticks} */
    public boolean running() {
        return running;
    }

    /** {@return when {@code start()} was called, or null when it was not} */
    public @Nullable Instant startedAt() {
        return startedAt;
    }

    /** {@return when the last tick began (the engine's clock), or null before the first} */
    public @Nullable Instant lastTickAt() {
        return lastTickAt;
    }

    /** {@return whether the loop ticks as it should, and if not, why} */
    public Health health() {
        return health;
    }

    /** {@return the mode in force (may be weaker than configured, see {@link #modeReason()})} */
    public Mode mode() {
        return mode;
    }

    /**
     * Why that mode.
     *
     * @return one line, e.g. "no SchedulerController available: ...; running in recommend mode"
     */
    public String modeReason() {
        return modeReason;
    }

    /**
     * The providers in use, by name.
     *
     * @return the name of each part in use under the keys {@code metricSource}, {@code classifier},
     *     {@code controller} ({@code "none"} without one) and {@code objective}
     */
    public Map<String, String> providers() {
        return providers;
    }

    /** {@return the classifier's latest verdict, or null before the first} */
    public @Nullable Classification classification() {
        return classification;
    }

    /** {@return the recommended {@code scx_*} scheduler; null for the kernel default or before the first tick} */
    public @Nullable String recommended() {
        return recommended;
    }

    /** {@return what the kernel runs, read back from the controller} */
    public ActiveScheduler active() {
        return active;
    }

    /** {@return the last switch, or null when AutoSA has not switched} */
    public @Nullable SwitchRecord lastSwitch() {
        return lastSwitch;
    }

    /** {@return when the min switch interval next allows a switch, or null if it allows one now} */
    public @Nullable Instant nextSwitchAllowedAt() {
        return nextSwitchAllowedAt;
    }

    /** {@return the failure state of each scheduler that failed (count, backoff, blocklist)} */
    public List<FailureRecord> failures() {
        return failures;
    }

    /**
     * The last decisions whose action, target or reason kind changed, oldest first; at most the configured
     * {@linkplain AutoSAConfig#decisionLogSize() decision log size}.
     *
     * @return the recent decisions, unmodifiable
     */
    public List<Decision> recentDecisions() {
        return recentDecisions;
    }

    /** {@return what the engine counted since it was built} */
    public Counters counters() {
        return counters;
    }

    /** {@return the ticks run so far; same as {@code counters().ticks()}} */
    public long ticks() {
        return counters.ticks();
    }

    /** {@return the slow ticks so far; same as {@code counters().slowTicks()}} */
    public long slowTicks() {
        return counters.slowTicks();
    }

    /**
     * Means of the window's metrics.
     *
     * @return each metric's mean over the window, by {@linkplain dev.autosa.api.MetricKey#name() key name}
     */
    public Map<String, Double> windowMeans() {
        return windowMeans;
    }

    @Override
    public String toString() {
        return "AutoSAStatus[" + time + ", running=" + running + ", health=" + health + ", mode=" + mode.id()
                + ", recommended=" + recommended + ", active=" + active.displayName() + ", counters=" + counters + "]";
    }

    /**
     * What the engine counted since it was built.
     *
     * @param ticks ticks run
     * @param switches ticks whose decision was {@code switch}
     * @param recommendations ticks whose decision was {@code recommend}
     * @param holds ticks whose decision was {@code hold}
     * @param none ticks whose decision was {@code none}
     * @param failures scheduler failures (failed starts, deaths, ejections)
     * @param slowTicks ticks that took longer than the collection interval or where a part failed
     * @param missedTicks ticks that should have run by the clock but did not (the loop fell behind)
     * @param rejectedValues metric values outside their documented range, dropped before classifying
     * @param reverts switches undone because their experiment found the objective worse
     */
    public record Counters(long ticks, long switches, long recommendations, long holds, long none, long failures,
            long slowTicks, long missedTicks, long rejectedValues, long reverts) {

        /**
         * The counters by name, for JMX and JSON.
         *
         * @return a map from the component's name (e.g. {@code "slowTicks"}) to its value, in a fixed order
         */
        public Map<String, Long> asMap() {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("ticks", ticks);
            m.put("switches", switches);
            m.put("recommendations", recommendations);
            m.put("holds", holds);
            m.put("none", none);
            m.put("failures", failures);
            m.put("slowTicks", slowTicks);
            m.put("reverts", reverts);
            m.put("missedTicks", missedTicks);
            m.put("rejectedValues", rejectedValues);
            return m;
        }
    }

    /**
     * Whether the loop works.
     *
     * @param state OK, STALLED or STOPPED
     * @param why in words, e.g. "no tick for 45s (collection interval 1s)"; empty when OK
     */
    public record Health(State state, String why) {

        /** How the loop is doing. */
        public enum State {
            /** Ticks run on time (or the engine is driven by {@code tick()} and not closed). */
            OK,
            /** The loop should run but no tick has started for much longer than the collection interval. */
            STALLED,
            /** The loop does not run: not started, closed, or its executor was shut down. */
            STOPPED;

            /** {@return the state as status and JSON show it: {@code "ok"}, {@code "stalled"} or {@code "stopped"}} */
            public String id() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        /** The loop is healthy: state OK, no explanation. */
        public static final Health OK = new Health(State.OK, "");
    }

    /**
     * A switch that happened.
     *
     * @param time when the switch was confirmed (the engine's clock)
     * @param from the {@code scx_*} name that ran before, or null for the kernel default
     * @param to the {@code scx_*} name that ran after, or null for the kernel default
     * @param reason why, in words
     * @param simulated true in dry-run mode: only the simulated controller switched
     */
    public record SwitchRecord(Instant time, @Nullable String from, @Nullable String to, String reason,
            boolean simulated) {
    }

    /**
     * A scheduler that failed.
     *
     * @param scheduler the {@code scx_*} name
     * @param failures how many times it failed so far
     * @param lastFailure when it last failed (the engine's clock)
     * @param lastDetail what the controller saw at the last failure
     * @param backoffUntil the policy will not choose it before this time, or null
     * @param blocklisted true when it failed too often and is never chosen again
     */
    public record FailureRecord(String scheduler, int failures, Instant lastFailure, String lastDetail,
            @Nullable Instant backoffUntil, boolean blocklisted) {
    }
}
