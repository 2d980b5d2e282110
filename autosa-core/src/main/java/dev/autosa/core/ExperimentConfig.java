// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static dev.autosa.core.Durations.format;

import java.time.Duration;

/**
 * How every switch is tested: after the switch the objective is left alone for the settle period
 * (the new scheduler warms its queues), then compared over the evaluation period against the
 * baseline before the switch. A switch found worse is reverted, and its scheduler is not tried
 * again for the same workload class before {@code retryLostAfter} has passed.
 *
 * @param enabled false: switches are not evaluated (the fixed table alone decides)
 * @param settlePeriod time after a switch whose objective values are ignored
 * @param evaluationPeriod time after the settle period whose values are compared with the baseline
 * @param retryLostAfter a scheduler that made a workload class worse is not chosen for it again before this
 * @param stickyMargin while a switch is evaluated or after it was kept, another workload class replaces the
 *     one the switch was made for only with a confidence this much above the confidence that chose it
 *     (capped at 1)
 */
public record ExperimentConfig(boolean enabled, Duration settlePeriod, Duration evaluationPeriod,
        Duration retryLostAfter, double stickyMargin) {

    /** Default: every switch is evaluated. */
    public static final boolean DEFAULT_ENABLED = true;
    /** Default settle period: 10 s. */
    public static final Duration DEFAULT_SETTLE_PERIOD = Duration.ofSeconds(10);
    /** Default evaluation period: 60 s. */
    public static final Duration DEFAULT_EVALUATION_PERIOD = Duration.ofSeconds(60);
    /** Default wait before a scheduler that lost is tried again for the same class: 24 h. */
    public static final Duration DEFAULT_RETRY_LOST_AFTER = Duration.ofHours(24);
    /** Default sticky margin: 0.15 of confidence. */
    public static final double DEFAULT_STICKY_MARGIN = 0.15;

    static final Duration MAX_PERIOD = Duration.ofHours(6);
    static final Duration MAX_RETRY = Duration.ofDays(365);

    /**
     * Checks every value.
     *
     * @param enabled false: switches are not evaluated
     * @param settlePeriod from 0 to 6 h inclusive
     * @param evaluationPeriod from 1 s to 6 h inclusive
     * @param retryLostAfter from 0 to 365 days inclusive
     * @param stickyMargin in [0, 1]
     * @throws IllegalArgumentException naming the value out of range
     */
    public ExperimentConfig {
        requireSettlePeriod(settlePeriod);
        requireEvaluationPeriod(evaluationPeriod);
        requireRetryLostAfter(retryLostAfter);
        requireStickyMargin(stickyMargin);
    }

    /** {@return the configuration of the {@code DEFAULT_*} constants} */
    public static ExperimentConfig ofDefaults() {
        return new ExperimentConfig(DEFAULT_ENABLED, DEFAULT_SETTLE_PERIOD, DEFAULT_EVALUATION_PERIOD,
                DEFAULT_RETRY_LOST_AFTER, DEFAULT_STICKY_MARGIN);
    }

    /**
     * A copy with evaluation switched on or off.
     *
     * @param on false: switches are not evaluated
     * @return the new configuration
     */
    public ExperimentConfig withEnabled(boolean on) {
        return new ExperimentConfig(on, settlePeriod, evaluationPeriod, retryLostAfter, stickyMargin);
    }

    /**
     * A copy with another settle period.
     *
     * @param d from 0 to 6 h inclusive
     * @return the new configuration
     * @throws IllegalArgumentException when {@code d} is out of range
     */
    public ExperimentConfig withSettlePeriod(Duration d) {
        return new ExperimentConfig(enabled, d, evaluationPeriod, retryLostAfter, stickyMargin);
    }

    /**
     * A copy with another evaluation period.
     *
     * @param d from 1 s to 6 h inclusive
     * @return the new configuration
     * @throws IllegalArgumentException when {@code d} is out of range
     */
    public ExperimentConfig withEvaluationPeriod(Duration d) {
        return new ExperimentConfig(enabled, settlePeriod, d, retryLostAfter, stickyMargin);
    }

    /**
     * A copy with another wait before a lost scheduler is tried again.
     *
     * @param d from 0 to 365 days inclusive
     * @return the new configuration
     * @throws IllegalArgumentException when {@code d} is out of range
     */
    public ExperimentConfig withRetryLostAfter(Duration d) {
        return new ExperimentConfig(enabled, settlePeriod, evaluationPeriod, d, stickyMargin);
    }

    /**
     * A copy with another sticky margin.
     *
     * @param m in [0, 1]
     * @return the new configuration
     * @throws IllegalArgumentException when {@code m} is outside [0, 1]
     */
    public ExperimentConfig withStickyMargin(double m) {
        return new ExperimentConfig(enabled, settlePeriod, evaluationPeriod, retryLostAfter, m);
    }

    static void requireSettlePeriod(Duration d) {
        requireBetween("settle period", d, Duration.ZERO, MAX_PERIOD);
    }

    static void requireEvaluationPeriod(Duration d) {
        requireBetween("evaluation period", d, Duration.ofSeconds(1), MAX_PERIOD);
    }

    static void requireRetryLostAfter(Duration d) {
        requireBetween("retry lost after", d, Duration.ZERO, MAX_RETRY);
    }

    static void requireStickyMargin(double m) {
        if (!(m >= 0.0 && m <= 1.0)) {
            throw new IllegalArgumentException("sticky margin must be in [0, 1] but was " + m);
        }
    }

    private static void requireBetween(String setting, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(setting + " must be between " + format(min) + " and " + format(max)
                    + " but was " + format(value));
        }
    }
}
