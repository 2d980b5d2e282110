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

    public static final Duration DEFAULT_COLLECTION_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_AGGREGATION_WINDOW = Duration.ofSeconds(60);
    public static final double DEFAULT_MIN_CONFIDENCE = 0.7;
    public static final Duration DEFAULT_MIN_SWITCH_INTERVAL = Duration.ofSeconds(300);
    public static final Duration DEFAULT_STABILITY_PERIOD = Duration.ofSeconds(20);
    /** See {@link #defaultWarmup(Duration)}. */
    public static final Duration DEFAULT_WARMUP = defaultWarmup(DEFAULT_AGGREGATION_WINDOW);
    public static final boolean DEFAULT_AUTO_SWITCH = true;
    /**
     * An embedding application switches the machine's scheduler only when it asks to; the daemon
     * ({@code autosa start}) defaults to auto, like the original AutoSA.
     */
    public static final Mode DEFAULT_MODE = Mode.RECOMMEND;
    public static final Duration DEFAULT_FAILURE_BACKOFF = Duration.ofSeconds(60);
    public static final Duration DEFAULT_MAX_FAILURE_BACKOFF = Duration.ofHours(1);
    public static final int DEFAULT_BLOCKLIST_AFTER = 3;
    public static final boolean DEFAULT_KEEP_SCHEDULER_ON_CLOSE = false;
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

    /** The original AutoSA's defaults plus AutoSA's own (see the {@code DEFAULT_*} constants). */
    public static AutoSAConfig ofDefaults() {
        return DEFAULTS;
    }

    /**
     * The warm-up when none is given: half the aggregation window, so the classifier's first verdict
     * that counts rests on enough data (the original AutoSA switched on its first sample).
     */
    public static Duration defaultWarmup(Duration aggregationWindow) {
        return aggregationWindow.dividedBy(2);
    }

    /** A builder holding this configuration; its setters override single values. */
    public AutoSA.Builder toBuilder() {
        return AutoSA.builder().config(this);
    }

    public Duration collectionInterval() {
        return collectionInterval;
    }

    public Duration aggregationWindow() {
        return aggregationWindow;
    }

    public double minConfidence() {
        return minConfidence;
    }

    public Duration minSwitchInterval() {
        return minSwitchInterval;
    }

    public Duration stabilityPeriod() {
        return stabilityPeriod;
    }

    public Duration warmup() {
        return warmup;
    }

    boolean warmupGiven() {
        return warmupGiven;
    }

    public boolean autoSwitch() {
        return autoSwitch;
    }

    public Mode mode() {
        return mode;
    }

    public Duration failureBackoff() {
        return failureBackoff;
    }

    public Duration maxFailureBackoff() {
        return maxFailureBackoff;
    }

    public int blocklistAfter() {
        return blocklistAfter;
    }

    public boolean keepSchedulerOnClose() {
        return keepSchedulerOnClose;
    }

    public int decisionLogSize() {
        return decisionLogSize;
    }

    public PreferenceTable preferences() {
        return preferences;
    }

    public Map<String, List<String>> schedulerArgs() {
        return schedulerArgs;
    }

    public ProviderSettings providerSettings() {
        return providerSettings;
    }

    public ExperimentConfig experiment() {
        return experiment;
    }

    /** Ticks the window holds. */
    public int windowTicks() {
        return (int) (aggregationWindow.toMillis() / collectionInterval.toMillis());
    }

    /** The spec to start for a scheduler: its name plus configured arguments. */
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
