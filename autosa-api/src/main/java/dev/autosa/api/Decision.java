// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the switch policy decided on one tick, and why, e.g. hold because "confidence 0.62 below
 * threshold 0.70". The reason comes twice: typed ({@link #reasonCode()}, for programs: alerting,
 * dashboards, tests) and in words ({@link #reason()}, for people).
 *
 * @param time when the decision was made (the engine's clock)
 * @param action what the policy did
 * @param classification the verdict it acted on
 * @param recommended the scheduler the preference table picks for that workload: a {@code scx_*}
 *     name, or null for the kernel default (also null when nothing installed suits it)
 * @param reasonCode why, typed: the rule that decided and its numbers
 * @param reason why, in words
 */
public record Decision(Instant time, Action action, Classification classification, @Nullable String recommended,
        Reason reasonCode, String reason) {

    /** What the switch policy did on a tick. */
    public enum Action {
        /** The policy switched (in dry-run: switched the simulated controller). */
        SWITCH,
        /**
         * A confident, stable recommendation that differs from what runs, which the policy does not
         * act on because it only recommends: recommend mode, or auto switch off. Reasons
         * {@link Reason.Kind#RECOMMEND_MODE} and {@link Reason.Kind#AUTO_SWITCH_OFF}.
         */
        RECOMMEND,
        /** The recommendation differs from what runs, but the policy waits (reason says why). */
        HOLD,
        /** Nothing to do: what runs is what is recommended, or the engine is warming up. */
        NONE;

        /**
         * The action as status and JSON show it.
         *
         * @return {@code "switch"}, {@code "recommend"}, {@code "hold"} or {@code "none"}
         */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The rule behind a decision and the numbers it compared. Numbers a kind does not use are zero
     * (durations), 0 (counts) or null (times).
     *
     * @param kind which rule decided
     * @param confidence the classification's confidence
     * @param minConfidence the threshold it was compared with
     * @param have how much of {@code need} there is: data for {@link Kind#WARMING_UP}, time the
     *     recommendation has held for {@link Kind#SWITCH}
     * @param need the warm-up ({@link Kind#WARMING_UP}) or the stability period ({@link Kind#NOT_STABLE},
     *     {@link Kind#SWITCH}, {@link Kind#RECOMMEND_MODE}, {@link Kind#AUTO_SWITCH_OFF})
     * @param until when the rule stops holding: the end of the stability period ({@link Kind#NOT_STABLE}),
     *     the next switch allowed ({@link Kind#MIN_SWITCH_INTERVAL}), the end of the failure backoff
     *     ({@link Kind#BACKOFF}), when a lost scheduler may be tried again ({@link Kind#LOST_BEFORE}), when
     *     the experiment's verdict is due ({@link Kind#EVALUATING})
     * @param failures the target's failures so far ({@link Kind#BACKOFF})
     */
    public record Reason(Kind kind, double confidence, double minConfidence, Duration have, Duration need,
            @Nullable Instant until, int failures) {

        /** Which rule of the switch policy decided, in the order the policy checks them. */
        public enum Kind {
            /** Not enough data yet ({@code have} of {@code need}). */
            WARMING_UP,
            /** Nothing installed suits the workload; what runs stays. */
            NO_CANDIDATE,
            /**
             * Every installed candidate made the workload worse here (its switch was reverted); none
             * is tried again before {@code until}, and what runs stays.
             */
            LOST_BEFORE,
            /** A scheduler someone else started runs; AutoSA does not interfere. */
            FOREIGN_SCHEDULER,
            /** The recommended scheduler already runs. */
            ALREADY_RUNS,
            /**
             * The recommended scheduler already runs and the switch to it is being evaluated; the
             * verdict (keep or revert) is due at {@code until}.
             */
            EVALUATING,
            /** {@code confidence} is below {@code minConfidence}. */
            LOW_CONFIDENCE,
            /** The recommendation must hold for the stability period {@code need}, until {@code until}. */
            NOT_STABLE,
            /** The min switch interval allows the next switch at {@code until}. */
            MIN_SWITCH_INTERVAL,
            /** The target failed {@code failures} times and is backed off until {@code until}. */
            BACKOFF,
            /** Auto switch is off: a switch is recommended, not made. */
            AUTO_SWITCH_OFF,
            /** Recommend mode: a switch is recommended, not made. */
            RECOMMEND_MODE,
            /** Every rule passed: switching. */
            SWITCH;

            /**
             * The kind as status and JSON show it: lower case, '-' for '_'.
             *
             * @return e.g. {@code "low-confidence"} or {@code "min-switch-interval"}
             */
            public String id() {
                return name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
        }

        /**
         * Checks that the durations are not negative.
         *
         * @param kind which rule decided
         * @param confidence the classification's confidence
         * @param minConfidence the threshold it was compared with
         * @param have how much of {@code need} there is; not negative
         * @param need the warm-up or stability period the rule compared with; not negative
         * @param until when the rule stops holding, or null when the kind has no such time
         * @param failures the target's failures so far, 0 when the kind does not count them
         * @throws IllegalArgumentException when {@code have} or {@code need} is negative
         */
        public Reason {
            if (have.isNegative() || need.isNegative()) {
                throw new IllegalArgumentException("reason durations must not be negative but were " + have
                        + " and " + need);
            }
        }

        /**
         * A reason of this kind with only the confidences set.
         *
         * @param kind which rule decided
         * @param confidence the classification's confidence
         * @param minConfidence the threshold it was compared with
         * @return a reason with zero durations, no {@code until} and no failures
         */
        public static Reason of(Kind kind, double confidence, double minConfidence) {
            return new Reason(kind, confidence, minConfidence, Duration.ZERO, Duration.ZERO, null, 0);
        }
    }

    /**
     * The recommended scheduler for display.
     *
     * @return the {@code scx_*} name, or {@code "kernel default"} when {@link #recommended()} is null
     */
    public String recommendedDisplay() {
        return recommended == null ? "kernel default" : recommended;
    }
}
