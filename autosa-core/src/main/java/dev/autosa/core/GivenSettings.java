// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static java.util.Objects.requireNonNull;

import dev.autosa.api.ProviderSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The config values an {@link AutoSA.Builder} was given, each checked when given and settable once,
 * and their merge over a base config and the defaults. Kept apart from the builder so the builder
 * holds only its public setters and their documentation.
 */
final class GivenSettings {

    private @Nullable AutoSAConfig base;
    private @Nullable Duration collectionInterval;
    private @Nullable Duration aggregationWindow;
    private @Nullable Double minConfidence;
    private @Nullable Duration minSwitchInterval;
    private @Nullable Duration stabilityPeriod;
    private @Nullable Duration warmup;
    private @Nullable Boolean autoSwitch;
    private @Nullable Mode mode;
    private @Nullable Duration failureBackoff;
    private @Nullable Duration maxFailureBackoff;
    private @Nullable Integer blocklistAfter;
    private @Nullable Boolean keepSchedulerOnClose;
    private @Nullable Integer decisionLogSize;
    private @Nullable PreferenceTable preferences;
    private @Nullable Boolean experiments;
    private @Nullable Duration settlePeriod;
    private @Nullable Duration evaluationPeriod;
    private @Nullable Duration retryLostAfter;
    private final Map<String, List<String>> schedulerArgs = new LinkedHashMap<>();
    private final Map<String, String> providerSettings = new LinkedHashMap<>();

    // Each setter checks the value before the once rule, so a bad value is reported as bad even on a second call.

    void config(AutoSAConfig config) {
        base = Settings.onceNonNull("config", base, config);
    }

    void collectionInterval(Duration interval) {
        collectionInterval = Settings.once("collection interval", collectionInterval,
                Settings.between("collection interval", interval, AutoSAConfig.MIN_INTERVAL, AutoSAConfig.MAX_INTERVAL));
    }

    void aggregationWindow(Duration window) {
        aggregationWindow = Settings.once("aggregation window", aggregationWindow,
                Settings.between("aggregation window", window, AutoSAConfig.MIN_INTERVAL.multipliedBy(2),
                        AutoSAConfig.MAX_INTERVAL.multipliedBy(AutoSAConfig.MAX_WINDOW_TICKS)));
    }

    void minConfidence(double confidence) {
        minConfidence = Settings.once("min confidence", minConfidence, Settings.confidence(confidence));
    }

    void minSwitchInterval(Duration interval) {
        minSwitchInterval = Settings.once("min switch interval", minSwitchInterval,
                Settings.policyDuration("min switch interval", interval));
    }

    void stabilityPeriod(Duration period) {
        stabilityPeriod = Settings.once("stability period", stabilityPeriod,
                Settings.policyDuration("stability period", period));
    }

    void warmup(Duration value) {
        warmup = Settings.once("warmup", warmup, Settings.policyDuration("warmup", value));
    }

    void autoSwitch(boolean on) {
        autoSwitch = Settings.once("auto switch", autoSwitch, on);
    }

    void mode(Mode value) {
        mode = Settings.onceNonNull("mode", mode, value);
    }

    void failureBackoff(Duration backoff) {
        failureBackoff = Settings.once("failure backoff", failureBackoff,
                Settings.policyDuration("failure backoff", backoff));
    }

    void maxFailureBackoff(Duration backoff) {
        maxFailureBackoff = Settings.once("max failure backoff", maxFailureBackoff,
                Settings.policyDuration("max failure backoff", backoff));
    }

    void blocklistAfter(int failures) {
        blocklistAfter = Settings.once("blocklist after", blocklistAfter, Settings.blocklistAfter(failures));
    }

    void keepSchedulerOnClose(boolean keep) {
        keepSchedulerOnClose = Settings.once("keep scheduler on close", keepSchedulerOnClose, keep);
    }

    void decisionLogSize(int size) {
        decisionLogSize = Settings.once("decision log size", decisionLogSize, Settings.decisionLogSize(size));
    }

    void preferences(PreferenceTable table) {
        preferences = Settings.onceNonNull("preferences", preferences, table);
    }

    void schedulerArgs(String scheduler, List<String> args) {
        List<String> checked = Settings.schedulerArgs(scheduler, args);
        Settings.once("scheduler args for " + scheduler, schedulerArgs.get(scheduler), checked);
        schedulerArgs.put(scheduler, checked);
    }

    void providerSetting(String key, String value) {
        ProviderSettings.requireKey(requireNonNull(key, "provider setting key must not be null"));
        requireNonNull(value, () -> "provider setting " + key + " must not be null");
        providerSettings.put(key, Settings.once(key, providerSettings.get(key), value));
    }

    void experiments(boolean on) {
        experiments = Settings.once("experiments", experiments, on);
    }

    void settlePeriod(Duration period) {
        ExperimentConfig.requireSettlePeriod(requireNonNull(period, "settle period must not be null"));
        settlePeriod = Settings.once("settle period", settlePeriod, period);
    }

    void evaluationPeriod(Duration period) {
        ExperimentConfig.requireEvaluationPeriod(requireNonNull(period, "evaluation period must not be null"));
        evaluationPeriod = Settings.once("evaluation period", evaluationPeriod, period);
    }

    void retryLostAfter(Duration wait) {
        ExperimentConfig.requireRetryLostAfter(requireNonNull(wait, "retry lost after must not be null"));
        retryLostAfter = Settings.once("retry lost after", retryLostAfter, wait);
    }

    /** Whether the collection interval is settled already, by a setter or by a base config. */
    boolean hasCollectionInterval() {
        return collectionInterval != null || base != null;
    }

    /** Each value: as given, else from the base config, else the default; then checked as a whole. */
    AutoSAConfig toConfig() {
        AutoSAConfig b = base;
        Duration interval = or(collectionInterval, b == null ? null : b.collectionInterval(),
                AutoSAConfig.DEFAULT_COLLECTION_INTERVAL);
        Duration window = or(aggregationWindow, b == null ? null : b.aggregationWindow(),
                AutoSAConfig.DEFAULT_AGGREGATION_WINDOW);
        Duration baseWarmup = b != null && b.warmupGiven() ? b.warmup() : null;
        Duration warm = or(warmup, baseWarmup, AutoSAConfig.defaultWarmup(window));
        Map<String, List<String>> args = new LinkedHashMap<>(b == null ? Map.of() : b.schedulerArgs());
        args.putAll(schedulerArgs);
        Map<String, String> settings = new LinkedHashMap<>(b == null ? Map.of() : b.providerSettings().values());
        settings.putAll(providerSettings);
        return new AutoSAConfig(interval, window,
                or(minConfidence, b == null ? null : b.minConfidence(), AutoSAConfig.DEFAULT_MIN_CONFIDENCE),
                or(minSwitchInterval, b == null ? null : b.minSwitchInterval(),
                        AutoSAConfig.DEFAULT_MIN_SWITCH_INTERVAL),
                or(stabilityPeriod, b == null ? null : b.stabilityPeriod(), AutoSAConfig.DEFAULT_STABILITY_PERIOD),
                warm, warmup != null || baseWarmup != null,
                or(autoSwitch, b == null ? null : b.autoSwitch(), AutoSAConfig.DEFAULT_AUTO_SWITCH),
                or(mode, b == null ? null : b.mode(), AutoSAConfig.DEFAULT_MODE),
                or(failureBackoff, b == null ? null : b.failureBackoff(), AutoSAConfig.DEFAULT_FAILURE_BACKOFF),
                or(maxFailureBackoff, b == null ? null : b.maxFailureBackoff(),
                        AutoSAConfig.DEFAULT_MAX_FAILURE_BACKOFF),
                or(blocklistAfter, b == null ? null : b.blocklistAfter(), AutoSAConfig.DEFAULT_BLOCKLIST_AFTER),
                or(keepSchedulerOnClose, b == null ? null : b.keepSchedulerOnClose(),
                        AutoSAConfig.DEFAULT_KEEP_SCHEDULER_ON_CLOSE),
                or(decisionLogSize, b == null ? null : b.decisionLogSize(), AutoSAConfig.DEFAULT_DECISION_LOG_SIZE),
                or(preferences, b == null ? null : b.preferences(), PreferenceTable.defaults()),
                args, new ProviderSettings(settings), experimentConfig(b == null ? null : b.experiment()));
    }

    private ExperimentConfig experimentConfig(@Nullable ExperimentConfig b) {
        ExperimentConfig d = b != null ? b : ExperimentConfig.ofDefaults();
        return new ExperimentConfig(or(experiments, d.enabled(), d.enabled()),
                or(settlePeriod, d.settlePeriod(), d.settlePeriod()),
                or(evaluationPeriod, d.evaluationPeriod(), d.evaluationPeriod()),
                or(retryLostAfter, d.retryLostAfter(), d.retryLostAfter()), d.stickyMargin());
    }

    private static <T> T or(@Nullable T given, @Nullable T fromBase, T fallback) {
        return given != null ? given : fromBase != null ? fromBase : fallback;
    }
}
