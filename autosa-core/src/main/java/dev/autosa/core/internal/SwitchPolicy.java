// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.Classification;
import dev.autosa.core.AutoSAConfig;
import dev.autosa.core.Mode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decides, once per tick, whether to switch. A switch needs all of: a warm window, a confident
 * recommendation that differs from what runs, held for the stability period, the min switch
 * interval passed, the target not in failure backoff, auto switch on and a mode that switches. The
 * first rule that fails is the reason for holding. The policy never fights a scheduler someone else
 * started.
 */
public final class SwitchPolicy {

    /** Why the policy acted as it did; the engine words it. */
    public enum Verdict {
        WARMING_UP, NO_CANDIDATE, LOST_BEFORE, FOREIGN, ALREADY_RUNS, EVALUATING, LOW_CONFIDENCE, NOT_STABLE, MIN_INTERVAL, BACKOFF,
        AUTO_SWITCH_OFF, RECOMMEND_MODE, SWITCH
    }

    private final AutoSAConfig config;
    private final Mode mode;
    private final FailureTracker failures;
    private @Nullable String stableTarget;
    private long stableSinceMillis;
    private long lastSwitchMillis = Long.MIN_VALUE;

    public SwitchPolicy(AutoSAConfig config, Mode mode, FailureTracker failures) {
        this.config = config;
        this.mode = mode;
        this.failures = failures;
    }

    /**
     * @param target a scheduler name or one of the {@link Recommender} sentinels
     * @param running the {@code scx_*} name the kernel runs (null: kernel default)
     */
    public Verdict decide(long nowMillis, int windowTicks, Classification c, String target, ActiveScheduler current,
            @Nullable String running) {
        if ((long) windowTicks * config.collectionInterval().toMillis() < config.warmup().toMillis()) {
            stableTarget = null;
            return Verdict.WARMING_UP;
        }
        if (target == Recommender.NONE_INSTALLED) {
            stableTarget = null;
            return Verdict.NO_CANDIDATE;
        }
        if (target == Recommender.ALL_LOST) {
            stableTarget = null;
            return Verdict.LOST_BEFORE;
        }
        if (!current.isKernelDefault() && !current.managed()) {
            stableTarget = null;
            return Verdict.FOREIGN;
        }
        String wanted = Recommender.schedulerOrNull(target);
        if (Objects.equals(wanted, running)) {
            stableTarget = null;
            return Verdict.ALREADY_RUNS;
        }
        if (c.confidence() < config.minConfidence()) {
            stableTarget = null;
            return Verdict.LOW_CONFIDENCE;
        }
        if (stableTarget != target) {
            stableTarget = target;
            stableSinceMillis = nowMillis;
        }
        if (nowMillis - stableSinceMillis < config.stabilityPeriod().toMillis()) {
            return Verdict.NOT_STABLE;
        }
        if (nowMillis < nextSwitchAllowedMillis()) {
            return Verdict.MIN_INTERVAL;
        }
        if (wanted != null && nowMillis < failures.backoffUntil(wanted)) {
            return Verdict.BACKOFF;
        }
        if (!config.autoSwitch()) {
            return Verdict.AUTO_SWITCH_OFF;
        }
        if (mode == Mode.RECOMMEND) {
            return Verdict.RECOMMEND_MODE;
        }
        return Verdict.SWITCH;
    }

    /** The engine switched (successfully or not) at this time. */
    public void switched(long nowMillis) {
        lastSwitchMillis = nowMillis;
        stableTarget = null;
    }

    /** A switch attempt failed: the recommendation must prove itself stable again. */
    public void attemptFailed() {
        stableTarget = null;
    }

    public long stableSinceMillis() {
        return stableSinceMillis;
    }

    /** When the min switch interval allows the next switch ({@code Long.MIN_VALUE}: no switch yet). */
    public long nextSwitchAllowedMillis() {
        return lastSwitchMillis == Long.MIN_VALUE ? Long.MIN_VALUE
                : lastSwitchMillis + config.minSwitchInterval().toMillis();
    }
}
