// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import static dev.autosa.core.Durations.format;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.Classification;
import dev.autosa.api.Decision;
import dev.autosa.api.Decision.Reason;
import dev.autosa.api.Decision.Reason.Kind;
import dev.autosa.core.AutoSAConfig;
import dev.autosa.core.internal.SwitchPolicy.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns the policy's verdict into a decision's typed reason (the rule and its numbers) and then
 * into words, so the text always says what the typed reason holds.
 */
final class DecisionWording {

    private final AutoSAConfig config;
    private final SwitchPolicy policy;
    private final FailureTracker failures;
    private final Recommender recommender;
    private final ClosedLoop closedLoop;
    /** The time of the last {@link #reason} call, which {@link #words} follows on the same tick. */
    private long now;

    DecisionWording(AutoSAConfig config, SwitchPolicy policy, FailureTracker failures, Recommender recommender,
            ClosedLoop closedLoop) {
        this.config = config;
        this.policy = policy;
        this.failures = failures;
        this.recommender = recommender;
        this.closedLoop = closedLoop;
    }

    /** A number that changes when the reason's wording would, so unchanged reasons are reused. */
    long argument(Verdict verdict, String target, int windowTicks) {
        return switch (verdict) {
            case WARMING_UP -> windowTicks;
            case NOT_STABLE -> policy.stableSinceMillis();
            case MIN_INTERVAL -> policy.nextSwitchAllowedMillis();
            case BACKOFF -> failures.backoffUntil(target);
            case EVALUATING -> closedLoop.verdictDueMillis();
            default -> 0;
        };
    }

    static Decision.Action action(Verdict v) {
        return switch (v) {
            case SWITCH -> Decision.Action.SWITCH;
            case RECOMMEND_MODE, AUTO_SWITCH_OFF -> Decision.Action.RECOMMEND;
            case WARMING_UP, NO_CANDIDATE, ALREADY_RUNS, EVALUATING -> Decision.Action.NONE;
            default -> Decision.Action.HOLD;
        };
    }

    Reason reason(Verdict v, Classification c, String target, long now, int windowTicks) {
        this.now = now;
        double conf = c.confidence();
        double min = config.minConfidence();
        Duration stability = config.stabilityPeriod();
        return switch (v) {
            case WARMING_UP -> new Reason(Kind.WARMING_UP, conf, min,
                    config.collectionInterval().multipliedBy(windowTicks), config.warmup(), null, 0);
            case NO_CANDIDATE -> Reason.of(Kind.NO_CANDIDATE, conf, min);
            case FOREIGN -> Reason.of(Kind.FOREIGN_SCHEDULER, conf, min);
            case LOST_BEFORE -> new Reason(Kind.LOST_BEFORE, conf, min, Duration.ZERO, Duration.ZERO,
                    Instant.ofEpochMilli(lostUntil(c, now)), 0);
            case ALREADY_RUNS -> Reason.of(Kind.ALREADY_RUNS, conf, min);
            case EVALUATING -> new Reason(Kind.EVALUATING, conf, min, Duration.ZERO, Duration.ZERO,
                    Instant.ofEpochMilli(closedLoop.verdictDueMillis()), 0);
            case LOW_CONFIDENCE -> Reason.of(Kind.LOW_CONFIDENCE, conf, min);
            case NOT_STABLE -> new Reason(Kind.NOT_STABLE, conf, min, Duration.ZERO, stability,
                    Instant.ofEpochMilli(policy.stableSinceMillis() + stability.toMillis()), 0);
            case MIN_INTERVAL -> new Reason(Kind.MIN_SWITCH_INTERVAL, conf, min, Duration.ZERO, Duration.ZERO,
                    Instant.ofEpochMilli(policy.nextSwitchAllowedMillis()), 0);
            case BACKOFF -> new Reason(Kind.BACKOFF, conf, min, Duration.ZERO, Duration.ZERO,
                    Instant.ofEpochMilli(failures.backoffUntil(target)), failures.failures(target));
            case AUTO_SWITCH_OFF -> new Reason(Kind.AUTO_SWITCH_OFF, conf, min, Duration.ZERO, stability, null, 0);
            case RECOMMEND_MODE -> new Reason(Kind.RECOMMEND_MODE, conf, min, Duration.ZERO, stability, null, 0);
            case SWITCH -> new Reason(Kind.SWITCH, conf, min,
                    Duration.ofMillis(Math.max(0, now - policy.stableSinceMillis())), stability, null, 0);
        };
    }

    String words(Reason r, Classification c, String target, ActiveScheduler active) {
        String to = target == Recommender.KERNEL_DEFAULT ? "the kernel default" : target;
        String conf = String.format(Locale.ROOT, "%.2f", r.confidence());
        String min = String.format(Locale.ROOT, "%.2f", r.minConfidence());
        return switch (r.kind()) {
            case WARMING_UP -> "warming up: " + format(r.have()) + " of " + format(r.need()) + " of data";
            case NO_CANDIDATE -> "no installed scheduler for " + c.workload() + " (wanted "
                    + String.join(", ", recommender.candidates(c.workload())) + "); keeping " + active.displayName();
            case FOREIGN_SCHEDULER -> active.displayName() + " was started outside AutoSA; not interfering (hand it"
                    + " over with 'autosa adopt' or AutoSA.adoptRunningScheduler() to let AutoSA switch)";
            case ALREADY_RUNS -> to + " already runs (" + c.workload() + " " + conf + ")";
            case EVALUATING -> to + " already runs (" + c.workload() + " " + conf + ") and is evaluated: "
                    + closedLoop.currentObjective().name() + " against the time before the switch, verdict due at " + r.until();
            case LOST_BEFORE -> lostWords(c, r.until(), active);
            case LOW_CONFIDENCE -> "confidence " + conf + " for " + c.workload() + " below threshold " + min;
            case NOT_STABLE -> "waiting for " + to + " to stay recommended for " + format(r.need()) + " (since "
                    + since(r.until(), r.need()) + ")";
            case MIN_SWITCH_INTERVAL -> "min switch interval " + format(config.minSwitchInterval())
                    + ": next switch allowed at " + r.until();
            case BACKOFF -> target + " in failure backoff until " + r.until() + " after " + r.failures()
                    + " failure(s)";
            case AUTO_SWITCH_OFF -> "auto switch is off; recommending " + to + " (" + c.workload() + " " + conf + ")";
            case RECOMMEND_MODE -> "recommend mode; recommending a switch to " + to + " (" + c.workload() + " "
                    + conf + " >= " + min + ", stable " + format(r.need()) + ")";
            case SWITCH -> "switching " + active.displayName() + " -> " + to + ": " + c.workload() + " " + conf
                    + " >= " + min + ", recommended for " + format(r.have());
        };
    }

    /** The latest time until which a candidate for the workload is not tried again. */
    private long lostUntil(Classification c, long at) {
        long until = Long.MIN_VALUE;
        for (String name : recommender.candidates(c.workload())) {
            long u = closedLoop.history().lostUntil(c.workload(), name);
            if (at < u) {
                until = Math.max(until, u);
            }
        }
        return until;
    }

    private String lostWords(Classification c, @Nullable Instant until, ActiveScheduler active) {
        StringBuilder names = new StringBuilder();
        int lost = 0;
        for (String name : recommender.candidates(c.workload())) {
            if (now < closedLoop.history().lostUntil(c.workload(), name)) {
                names.append(lost++ == 0 ? "" : ", ").append(name);
            }
        }
        String keeping = active.isKernelDefault() ? "the kernel default" : active.displayName();
        return names + (lost == 1 ? " made " : " each made ") + c.workload() + " worse here and "
                + (lost == 1 ? "is" : "are") + " not tried for it again before " + until + "; keeping " + keeping;
    }

    private static @Nullable Instant since(@Nullable Instant until, Duration need) {
        return until == null ? null : until.minus(need);
    }
}
