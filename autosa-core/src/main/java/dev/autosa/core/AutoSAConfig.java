// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static dev.autosa.core.Durations.format;

import dev.autosa.api.ProviderSettings;
import dev.autosa.api.SchedulerSpec;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every setting of the engine, immutable and validated. Made only by {@link AutoSA.Builder} (its
 * setters are the one place a value is checked), read back with {@link AutoSA#config()}, or
 * {@link #ofDefaults()}; {@link #toBuilder()} starts a builder from it. The CLI flags and the config
 * file drive the same builder setters.
 *
 * <p>Accessors: {@code collectionInterval} time between two samples; {@code aggregationWindow} how
 * much history the classifier sees; {@code minConfidence} a recommendation below it never causes a
 * switch; {@code minSwitchInterval} least time between two switches; {@code stabilityPeriod} how
 * long the same recommendation must hold before a switch; {@code warmup} no decisions before the
 * window holds this much data; {@code autoSwitch} false: decide and report only (the original
 * AutoSA's {@code enable_auto_switch}); {@code mode}; {@code failureBackoff} first wait after a
 * scheduler failed, doubling with each further failure up to {@code maxFailureBackoff};
 * {@code blocklistAfter} after this many failures the scheduler is never chosen again;
 * {@code keepSchedulerOnClose} leave the running scheduler in place when AutoSA closes;
 * {@code decisionLogSize} how many recent decisions {@code status()} keeps; {@code preferences};
 * {@code schedulerArgs} extra arguments per scheduler; {@code providerSettings} text settings for
 * providers (e.g. {@code scx_trusted_dirs}), validated by the provider that claims them;
 * {@code experiment} how each switch is evaluated (settle and evaluation periods, retry after a loss).
 */
public final class AutoSAConfig {

    /** Default time between two samples: 1 s. */
    public static final Duration DEFAULT_COLLECTION_INTERVAL = Duration.ofSeconds(1);
    /** Default history the classifier sees: 60 s. */
    public static final Duration DEFAULT_AGGREGATION_WINDOW = Duration.ofSeconds(60);
    /** Default least confidence of a recommendation that may cause a switch: 0.7. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.7;
    /** Default least time between two switches: 300 s. */
    public static final Duration DEFAULT_MIN_SWITCH_INTERVAL = Duration.ofSeconds(300);
    /** Default time the same recommendation must hold before a switch: 20 s. */
    public static final Duration DEFAULT_STABILITY_PERIOD = Duration.ofSeconds(20);
    /** Default warm-up: half the default aggregation window, 30 s (see {@link #defaultWarmup(Duration)}). */
    public static final Duration DEFAULT_WARMUP = defaultWarmup(DEFAULT_AGGREGATION_WINDOW);
    /** Default: the policy may switch (in a mode that switches). */
    public static final boolean DEFAULT_AUTO_SWITCH = true;
    /**
     * Default mode: recommend. An embedding application switches the machine's scheduler only when it asks
     * to; the daemon ({@code autosa start}) defaults to auto, like the original AutoSA.
     */
    public static final Mode DEFAULT_MODE = Mode.RECOMMEND;
    /** Default first wait after a scheduler failed: 60 s. */
    public static final Duration DEFAULT_FAILURE_BACKOFF = Duration.ofSeconds(60);
    /** Default longest wait after repeated failures: 1 h. */
    public static final Duration DEFAULT_MAX_FAILURE_BACKOFF = Duration.ofHours(1);
    /** Default number of failures after which a scheduler is never chosen again: 3. */
    public static final int DEFAULT_BLOCKLIST_AFTER = 3;
    /** Default: closing AutoSA returns the kernel to its default scheduler. */
    public static final boolean DEFAULT_KEEP_SCHEDULER_ON_CLOSE = false;
    /** Default number of recent decisions {@link AutoSA#status()} keeps: 100. */
    public static final int DEFAULT_DECISION_LOG_SIZE = 100;

    static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    static final Duration MAX_INTERVAL = Duration.ofHours(1);
    static final int MAX_WINDOW_TICKS = 100_000;
    static final Duration MAX_POLICY_DURATION = Duration.ofDays(7);

    private static final AutoSAConfig DEFAULTS = AutoSA.builder().toConfig();

    private final Duration collectionInterval;
    private final Duration aggregationWindow;
    private final double minConfidence;
    private final Duration minSwitchInterval;
    private final Duration stabilityPeriod;
    private final Duration warmup;
    /** False when the warm-up was derived from the window, so a builder started from here derives it again. */
    private final boolean warmupGiven;
    private final boolean autoSwitch;
    private final Mode mode;
    private final Duration failureBackoff;
    private final Duration maxFailureBackoff;
    private final int blocklistAfter;
    private final boolean keepSchedulerOnClose;
    private final int decisionLogSize;
    private final PreferenceTable preferences;
    private final Map<String, List<String>> schedulerArgs;
    private final ProviderSettings providerSettings;
    private final ExperimentConfig experiment;

    /** Only the builder makes configs; it has checked each value, this checks how they relate. */
    AutoSAConfig(Duration collectionInterval, Duration aggregationWindow, double minConfidence,
            Duration minSwitchInterval, Duration stabilityPeriod, Duration warmup, boolean warmupGiven,
            boolean autoSwitch, Mode mode, Duration failureBackoff, Duration maxFailureBackoff, int blocklistAfter,
            boolean keepSchedulerOnClose, int decisionLogSize, PreferenceTable preferences,
            Map<String, List<String>> schedulerArgs, ProviderSettings providerSettings, ExperimentConfig experiment) {
        requireBetween("aggregation window", aggregationWindow, collectionInterval.multipliedBy(2),
                collectionInterval.multipliedBy(MAX_WINDOW_TICKS));
        requireBetween("warmup", warmup, Duration.ZERO, aggregationWindow);
        requireBetween("max failure backoff", maxFailureBackoff, failureBackoff, MAX_POLICY_DURATION);
        this.collectionInterval = collectionInterval;
        this.aggregationWindow = aggregationWindow;
        this.minConfidence = minConfidence;
        this.minSwitchInterval = minSwitchInterval;
        this.stabilityPeriod = stabilityPeriod;
        this.warmup = warmup;
        this.warmupGiven = warmupGiven;
        this.autoSwitch = autoSwitch;
        this.mode = mode;
        this.failureBackoff = failureBackoff;
        this.maxFailureBackoff = maxFailureBackoff;
        this.blocklistAfter = blocklistAfter;
        this.keepSchedulerOnClose = keepSchedulerOnClose;
        this.decisionLogSize = decisionLogSize;
        this.preferences = preferences;
        this.schedulerArgs = Collections.unmodifiableMap(new TreeMap<>(schedulerArgs));
        this.providerSettings = providerSettings;
        this.experiment = experiment;
    }

    /**
     * The original AutoSA's defaults plus AutoSA's own (see the {@code DEFAULT_*} constants).
     *
     * @return the configuration of a builder given no settings
     */
    public static AutoSAConfig ofDefaults() {
        return DEFAULTS;
    }

    /**
     * The warm-up when none is given: half the aggregation window, so the classifier's first verdict
     * that counts rests on enough data (the original AutoSA switched on its first sample).
     *
     * @param aggregationWindow the aggregation window in force
     * @return half of {@code aggregationWindow}
     */
    public static Duration defaultWarmup(Duration aggregationWindow) {
        return aggregationWindow.dividedBy(2);
    }

    /**
     * A builder holding this configuration; its setters override single values.
     *
     * @return a new builder started from this configuration with {@link AutoSA.Builder#config}
     */
    public AutoSA.Builder toBuilder() {
        return AutoSA.builder().config(this);
    }

    /**
     * Time between two samples (one tick).
     *
     * @return from 10 ms to 1 h
     */
    public Duration collectionInterval() {
        return collectionInterval;
    }

    /**
     * How much history the classifier sees.
     *
     * @return between 2 and 100,000 collection intervals
     */
    public Duration aggregationWindow() {
        return aggregationWindow;
    }

    /**
     * A recommendation with a lower confidence never causes a switch.
     *
     * @return in [0, 1]
     */
    public double minConfidence() {
        return minConfidence;
    }

    /**
     * Least time between two switches.
     *
     * @return from 0 to 7 days
     */
    public Duration minSwitchInterval() {
        return minSwitchInterval;
    }

    /**
     * How long the same recommendation must hold before a switch.
     *
     * @return from 0 to 7 days
     */
    public Duration stabilityPeriod() {
        return stabilityPeriod;
    }

    /**
     * No decisions before the window holds this much data.
     *
     * @return from 0 to the aggregation window
     */
    public Duration warmup() {
        return warmup;
    }

    boolean warmupGiven() {
        return warmupGiven;
    }

    /**
     * Whether the policy may switch at all; false: decide and report only (the original AutoSA's
     * {@code enable_auto_switch}).
     *
     * @return true when the policy may switch in a mode that switches
     */
    public boolean autoSwitch() {
        return autoSwitch;
    }

    /**
     * The configured mode; {@link AutoSA#mode()} says which one is in force.
     *
     * @return auto, recommend or dry-run
     */
    public Mode mode() {
        return mode;
    }

    /**
     * First wait after a scheduler failed, doubling with each further failure up to
     * {@link #maxFailureBackoff()}.
     *
     * @return from 0 to the max failure backoff
     */
    public Duration failureBackoff() {
        return failureBackoff;
    }

    /**
     * Longest wait after repeated failures of a scheduler.
     *
     * @return from the failure backoff to 7 days
     */
    public Duration maxFailureBackoff() {
        return maxFailureBackoff;
    }

    /**
     * After this many failures a scheduler is never chosen again.
     *
     * @return from 1 to 1000
     */
    public int blocklistAfter() {
        return blocklistAfter;
    }

    /**
     * Whether {@link AutoSA#close()} leaves the running scheduler in place.
     *
     * @return true to keep it; false to return the kernel to its default scheduler
     */
    public boolean keepSchedulerOnClose() {
        return keepSchedulerOnClose;
    }

    /**
     * How many recent decisions {@link AutoSA#status()} keeps.
     *
     * @return from 1 to 100,000
     */
    public int decisionLogSize() {
        return decisionLogSize;
    }

    /**
     * Which scheduler suits which workload class, best first.
     *
     * @return the preference table
     */
    public PreferenceTable preferences() {
        return preferences;
    }

    /**
     * Extra arguments per scheduler, checked by the builder.
     *
     * @return an unmodifiable map from scheduler name to its arguments, sorted by name; empty when none
     */
    public Map<String, List<String>> schedulerArgs() {
        return schedulerArgs;
    }

    /**
     * Text settings for providers (e.g. {@code scx_trusted_dirs}), validated by the provider that claims them.
     *
     * @return the provider settings by key, empty when none
     */
    public ProviderSettings providerSettings() {
        return providerSettings;
    }

    /**
     * How each switch is evaluated: settle and evaluation periods, retry after a loss.
     *
     * @return the experiment configuration
     */
    public ExperimentConfig experiment() {
        return experiment;
    }

    /**
     * Ticks the window holds.
     *
     * @return the aggregation window divided by the collection interval, both in whole milliseconds
     */
    public int windowTicks() {
        return (int) (aggregationWindow.toMillis() / collectionInterval.toMillis());
    }

    /**
     * The spec to start for a scheduler: its name plus configured arguments.
     *
     * @param scheduler an {@code scx_*} name
     * @return the spec, with no arguments when none are configured for {@code scheduler}
     * @throws IllegalArgumentException when {@code scheduler} is not a valid scheduler name
     */
    public SchedulerSpec specFor(String scheduler) {
        return new SchedulerSpec(scheduler, schedulerArgs.getOrDefault(scheduler, List.of()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AutoSAConfig c && collectionInterval.equals(c.collectionInterval)
                && aggregationWindow.equals(c.aggregationWindow) && minConfidence == c.minConfidence
                && minSwitchInterval.equals(c.minSwitchInterval) && stabilityPeriod.equals(c.stabilityPeriod)
                && warmup.equals(c.warmup) && autoSwitch == c.autoSwitch && mode == c.mode
                && failureBackoff.equals(c.failureBackoff) && maxFailureBackoff.equals(c.maxFailureBackoff)
                && blocklistAfter == c.blocklistAfter && keepSchedulerOnClose == c.keepSchedulerOnClose
                && decisionLogSize == c.decisionLogSize && preferences.equals(c.preferences)
                && schedulerArgs.equals(c.schedulerArgs) && providerSettings.equals(c.providerSettings)
                && experiment.equals(c.experiment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(collectionInterval, aggregationWindow, minConfidence, minSwitchInterval, stabilityPeriod,
                warmup, autoSwitch, mode, failureBackoff, maxFailureBackoff, blocklistAfter, keepSchedulerOnClose,
                decisionLogSize, preferences, schedulerArgs, providerSettings, experiment);
    }

    @Override
    public String toString() {
        return "AutoSAConfig[collectionInterval=" + format(collectionInterval) + ", aggregationWindow="
                + format(aggregationWindow) + ", minConfidence=" + minConfidence + ", minSwitchInterval="
                + format(minSwitchInterval) + ", stabilityPeriod=" + format(stabilityPeriod) + ", warmup="
                + format(warmup) + ", autoSwitch=" + autoSwitch + ", mode=" + mode.id() + ", failureBackoff="
                + format(failureBackoff) + ", maxFailureBackoff=" + format(maxFailureBackoff) + ", blocklistAfter="
                + blocklistAfter + ", keepSchedulerOnClose=" + keepSchedulerOnClose + ", decisionLogSize="
                + decisionLogSize + ", preferences=" + preferences + ", schedulerArgs=" + schedulerArgs
                + ", providerSettings=" + providerSettings.values() + ", experiment=" + experiment + "]";
    }

    static void requireBetween(String setting, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(setting + " must be between " + format(min) + " and " + format(max)
                    + " but was " + format(value));
        }
    }
}
