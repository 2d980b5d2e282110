// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static dev.autosa.core.Durations.format;

import dev.autosa.api.SchedulerSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every setting of the engine, immutable and validated. The builder, the CLI flags and the config
 * file all map onto this one record, so a value is checked the same way wherever it comes from.
 *
 * @param collectionInterval time between two samples
 * @param aggregationWindow how much history the classifier sees
 * @param minConfidence a recommendation below this confidence never causes a switch
 * @param minSwitchInterval least time between two switches
 * @param stabilityPeriod how long the same recommendation must hold before a switch
 * @param warmup no decisions before the window holds this much data
 * @param autoSwitch false: decide and report only (the original AutoSA's {@code enable_auto_switch})
 * @param mode auto, recommend or dry-run
 * @param failureBackoff first wait after a scheduler failed; doubles with each further failure
 * @param maxFailureBackoff the backoff never grows beyond this
 * @param blocklistAfter after this many failures the scheduler is never chosen again (until restart)
 * @param keepSchedulerOnClose true: leave the running scheduler in place when the engine stops
 * @param decisionLogSize how many distinct recent decisions {@code status()} keeps
 * @param preferences workload to scheduler preference table
 * @param schedulerArgs extra arguments per scheduler binary, validated by the controller
 * @param experiment how each switch is evaluated (settle and evaluation periods, retry after a loss)
 */
public record AutoSAConfig(
        Duration collectionInterval,
        Duration aggregationWindow,
        double minConfidence,
        Duration minSwitchInterval,
        Duration stabilityPeriod,
        Duration warmup,
        boolean autoSwitch,
        Mode mode,
        Duration failureBackoff,
        Duration maxFailureBackoff,
        int blocklistAfter,
        boolean keepSchedulerOnClose,
        int decisionLogSize,
        PreferenceTable preferences,
        Map<String, List<String>> schedulerArgs,
        ExperimentConfig experiment) {

    public static final Duration DEFAULT_COLLECTION_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_AGGREGATION_WINDOW = Duration.ofSeconds(60);
    public static final double DEFAULT_MIN_CONFIDENCE = 0.7;
    public static final Duration DEFAULT_MIN_SWITCH_INTERVAL = Duration.ofSeconds(300);
    public static final Duration DEFAULT_STABILITY_PERIOD = Duration.ofSeconds(20);
    /** Half the default window: the classifier needs enough data before its first verdict counts. */
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(30);
    public static final boolean DEFAULT_AUTO_SWITCH = true;
    public static final Mode DEFAULT_MODE = Mode.AUTO;
    public static final Duration DEFAULT_FAILURE_BACKOFF = Duration.ofSeconds(60);
    public static final Duration DEFAULT_MAX_FAILURE_BACKOFF = Duration.ofHours(1);
    public static final int DEFAULT_BLOCKLIST_AFTER = 3;
    public static final boolean DEFAULT_KEEP_SCHEDULER_ON_CLOSE = false;
    public static final int DEFAULT_DECISION_LOG_SIZE = 100;

    static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    static final Duration MAX_INTERVAL = Duration.ofHours(1);
    static final int MAX_WINDOW_TICKS = 100_000;
    static final Duration MAX_POLICY_DURATION = Duration.ofDays(7);

    public AutoSAConfig {
        requireBetween("collection interval", collectionInterval, MIN_INTERVAL, MAX_INTERVAL);
        requireBetween("aggregation window", aggregationWindow, collectionInterval.multipliedBy(2),
                collectionInterval.multipliedBy(MAX_WINDOW_TICKS));
        requireMinConfidence(minConfidence);
        requireBetween("min switch interval", minSwitchInterval, Duration.ZERO, MAX_POLICY_DURATION);
        requireBetween("stability period", stabilityPeriod, Duration.ZERO, MAX_POLICY_DURATION);
        requireBetween("warmup", warmup, Duration.ZERO, aggregationWindow);
        requireBetween("failure backoff", failureBackoff, Duration.ZERO, MAX_POLICY_DURATION);
        requireBetween("max failure backoff", maxFailureBackoff, failureBackoff, MAX_POLICY_DURATION);
        requireBlocklistAfter(blocklistAfter);
        requireDecisionLogSize(decisionLogSize);
        Map<String, List<String>> args = new TreeMap<>();
        schedulerArgs.forEach((name, list) -> {
            SchedulerSpec.of(name);
            args.put(name, List.copyOf(list));
        });
        schedulerArgs = java.util.Collections.unmodifiableMap(args);
    }

    /** The original AutoSA's defaults plus AutoSA's own (see the {@code DEFAULT_*} constants). */
    public static AutoSAConfig ofDefaults() {
        return new AutoSAConfig(DEFAULT_COLLECTION_INTERVAL, DEFAULT_AGGREGATION_WINDOW, DEFAULT_MIN_CONFIDENCE,
                DEFAULT_MIN_SWITCH_INTERVAL, DEFAULT_STABILITY_PERIOD, DEFAULT_WARMUP, DEFAULT_AUTO_SWITCH,
                DEFAULT_MODE, DEFAULT_FAILURE_BACKOFF, DEFAULT_MAX_FAILURE_BACKOFF, DEFAULT_BLOCKLIST_AFTER,
                DEFAULT_KEEP_SCHEDULER_ON_CLOSE, DEFAULT_DECISION_LOG_SIZE, PreferenceTable.defaults(), Map.of(),
                ExperimentConfig.ofDefaults());
    }

    /** Ticks the window holds. */
    public int windowTicks() {
        return (int) (aggregationWindow.toMillis() / collectionInterval.toMillis());
    }

    /** The spec to start for a scheduler: its name plus configured arguments. */
    public SchedulerSpec specFor(String scheduler) {
        return new SchedulerSpec(scheduler, schedulerArgs.getOrDefault(scheduler, List.of()));
    }

    // The single-value checks, shared with the builder so both say exactly the same thing.

    static void requireMinConfidence(double confidence) {
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("min confidence must be in [0, 1] but was " + confidence);
        }
    }

    static void requireBlocklistAfter(int failures) {
        if (failures < 1 || failures > 1000) {
            throw new IllegalArgumentException("blocklist after must be in [1, 1000] failures but was " + failures);
        }
    }

    static void requireDecisionLogSize(int size) {
        if (size < 1 || size > 100_000) {
            throw new IllegalArgumentException("decision log size must be in [1, 100000] but was " + size);
        }
    }

    static void requireBetween(String setting, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(setting + " must be between " + format(min) + " and " + format(max)
                    + " but was " + format(value));
        }
    }
}
