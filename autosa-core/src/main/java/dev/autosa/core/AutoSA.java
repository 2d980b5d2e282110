// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static dev.autosa.core.Durations.format;
import static java.util.Objects.requireNonNull;

import dev.autosa.api.AutoSAListener;
import dev.autosa.api.Decision;
import dev.autosa.api.MetricSource;
import dev.autosa.api.Objective;
import dev.autosa.api.ProviderSettings;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.WorkloadClassifier;
import dev.autosa.core.internal.Engine;
import dev.autosa.core.internal.Loop;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AutoSA embedded in a JVM: watches the machine, classifies its workload and recommends or
 * switches the sched_ext scheduler that suits it. The default mode is
 * {@linkplain AutoSAConfig#DEFAULT_MODE recommend}: an application switches the machine's scheduler
 * only when it asks for {@link Mode#AUTO}.
 *
 * <pre>{@code
 * try (AutoSA autosa = AutoSA.builder().build()) {
 *     autosa.start();
 *     ...
 *     System.out.println(autosa.status().recommended());
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops the loop and, unless {@code keepSchedulerOnClose} is set, returns the
 * kernel to its default scheduler if AutoSA switched it; {@link #close(boolean)} decides that at
 * close time.
 */
public final class AutoSA implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AutoSA.class);

    private final AutoSAConfig config;
    private final Engine engine;
    private final Lifecycle lifecycle;

    AutoSA(AutoSAConfig config, Engine engine, ScheduledExecutorService executor, boolean ownsExecutor) {
        this.config = config;
        this.engine = engine;
        this.lifecycle = new Lifecycle(engine, executor, ownsExecutor);
    }

    public static Builder builder() {
        return new Builder();
    }

    public AutoSAConfig config() {
        return config;
    }

    /** The mode in force: AUTO falls back to RECOMMEND when no controller can switch here. */
    public Mode mode() {
        return engine.mode();
    }

    /** Starts ticking every collection interval on the loop thread. */
    public void start() {
        lifecycle.start(new Loop(lifecycle.executor(), config.collectionInterval(), engine::tick));
        LOG.info("autosa started: mode {}, interval {}, window {}, min confidence {}, min switch interval {}",
                engine.mode().id(), format(config.collectionInterval()), format(config.aggregationWindow()),
                config.minConfidence(), format(config.minSwitchInterval()));
    }

    /**
     * Runs one tick now, on the caller's thread, and returns its decision. For replaying captures
     * and for tests that drive a simulated clock; not allowed while the loop runs.
     */
    public Decision tick() {
        lifecycle.requireManual();
        return engine.tick();
    }

    public AutoSAStatus status() {
        return lifecycle.status();
    }

    /** The closed loop: the objective, the switch under test, the last verdict and the outcome history. */
    public ExperimentStatus experiments() {
        return engine.experimentStatus();
    }

    /**
     * Hands a scheduler that someone else started over to AutoSA, so the policy may replace it.
     * Returns false when there is nothing to adopt or the controller cannot.
     */
    public boolean adoptRunningScheduler() {
        return engine.adoptRunningScheduler();
    }

    /**
     * Asks for a switch now, on behalf of an operator or an agent, through the same controller and
     * the same safety rules the policy follows: a mode that switches, a scheduler the controller
     * lists as installed and trusted, not blocklisted or in failure backoff, the min switch interval
     * passed, and never over a scheduler someone else started. Returning to the kernel default
     * ({@code scheduler} null) is the safe direction and needs only the first and last of these.
     * An accepted switch counts as a switch: the policy leaves it alone for the min switch interval,
     * then goes on deciding as usual.
     *
     * @param scheduler an {@code scx_*} name, or null for the kernel default
     * @param requestedBy who asks, for the log and the switch's reason (e.g. "mcp client via uid 1000")
     */
    public SwitchOutcome requestSwitch(@Nullable String scheduler, String requestedBy) {
        lifecycle.requireOpen();
        return engine.requestSwitch(scheduler, requestedBy);
    }

    /** Stops the loop and restores the kernel default scheduler unless {@code keepSchedulerOnClose} is set. */
    @Override
    public void close() {
        close(config.keepSchedulerOnClose());
    }

    /**
     * Stops the loop; {@code keepScheduler} true leaves the running scheduler in place, false
     * returns the kernel to its default if AutoSA switched it. The first call decides; later calls
     * do nothing. Safe from a listener: called on the loop's own thread, the engine is released
     * when the current tick ends, without waiting for it.
     */
    public void close(boolean keepScheduler) {
        if (lifecycle.close(keepScheduler)) {
            LOG.info("autosa stopped{}", keepScheduler ? " (scheduler kept)" : "");
        }
    }

    /**
     * Collects settings; every setter validates its value at once (a null is a
     * {@link NullPointerException} naming the setting) and may be called only once. Settings not
     * given take the values of {@link #config(AutoSAConfig)}, else the defaults. A builder builds
     * one AutoSA.
     */
    public static final class Builder {

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
        private final Parts providers = new Parts();
        private boolean built;

        private Builder() {
        }

        /** Starts from a whole configuration; the other setters override single values of it. */
        public Builder config(AutoSAConfig config) {
            base = Settings.once("config", base, requireNonNull(config, "config must not be null"));
            return this;
        }

        public Builder collectionInterval(Duration interval) {
            collectionInterval = Settings.once("collection interval", collectionInterval,
                    Settings.between("collection interval", interval, AutoSAConfig.MIN_INTERVAL, AutoSAConfig.MAX_INTERVAL));
            return this;
        }

        public Builder aggregationWindow(Duration window) {
            aggregationWindow = Settings.once("aggregation window", aggregationWindow,
                    Settings.between("aggregation window", window, AutoSAConfig.MIN_INTERVAL.multipliedBy(2),
                            AutoSAConfig.MAX_INTERVAL.multipliedBy(AutoSAConfig.MAX_WINDOW_TICKS)));
            return this;
        }

        public Builder minConfidence(double confidence) {
            minConfidence = Settings.once("min confidence", minConfidence, Settings.confidence(confidence));
            return this;
        }

        public Builder minSwitchInterval(Duration interval) {
            minSwitchInterval = Settings.once("min switch interval", minSwitchInterval,
                    Settings.policyDuration("min switch interval", interval));
            return this;
        }

        public Builder stabilityPeriod(Duration period) {
            stabilityPeriod = Settings.once("stability period", stabilityPeriod,
                    Settings.policyDuration("stability period", period));
            return this;
        }

        /** No decisions before the window holds this much data. Default: {@link AutoSAConfig#defaultWarmup}. */
        public Builder warmup(Duration value) {
            warmup = Settings.once("warmup", warmup, Settings.policyDuration("warmup", value));
            return this;
        }

        public Builder autoSwitch(boolean on) {
            autoSwitch = Settings.once("auto switch", autoSwitch, on);
            return this;
        }

        /** auto, recommend (the default) or dry-run. */
        public Builder mode(Mode value) {
            mode = Settings.once("mode", mode, requireNonNull(value, "mode must not be null"));
            return this;
        }

        public Builder failureBackoff(Duration backoff) {
            failureBackoff = Settings.once("failure backoff", failureBackoff,
                    Settings.policyDuration("failure backoff", backoff));
            return this;
        }

        public Builder maxFailureBackoff(Duration backoff) {
            maxFailureBackoff = Settings.once("max failure backoff", maxFailureBackoff,
                    Settings.policyDuration("max failure backoff", backoff));
            return this;
        }

        public Builder blocklistAfter(int failures) {
            blocklistAfter = Settings.once("blocklist after", blocklistAfter, Settings.blocklistAfter(failures));
            return this;
        }

        public Builder keepSchedulerOnClose(boolean keep) {
            keepSchedulerOnClose = Settings.once("keep scheduler on close", keepSchedulerOnClose, keep);
            return this;
        }

        public Builder decisionLogSize(int size) {
            decisionLogSize = Settings.once("decision log size", decisionLogSize, Settings.decisionLogSize(size));
            return this;
        }

        public Builder preferences(PreferenceTable table) {
            preferences = Settings.once("preferences", preferences,
                    requireNonNull(table, "preferences must not be null"));
            return this;
        }

        /**
         * Extra arguments for one scheduler binary. Each must be a flag ({@code -x}, {@code --name},
         * {@code --name=value}) or a plain value, with no shell metacharacters or control characters;
         * a controller that knows the scheduler's flags checks them at {@link #build()}.
         */
        public Builder schedulerArgs(String scheduler, List<String> args) {
            List<String> checked = Settings.schedulerArgs(scheduler, args);
            Settings.once("scheduler args for " + scheduler, schedulerArgs.get(scheduler), checked);
            schedulerArgs.put(scheduler, checked);
            return this;
        }

        /**
         * A setting for a provider, as text (e.g. {@code scx_trusted_dirs = /opt/scx/bin}). The
         * provider that claims the key's prefix validates it at {@link #build()}; a key no provider
         * claims is an error there.
         */
        public Builder providerSetting(String key, String value) {
            ProviderSettings.requireKey(requireNonNull(key, "provider setting key must not be null"));
            requireNonNull(value, () -> "provider setting " + key + " must not be null");
            providerSettings.put(key, Settings.once(key, providerSettings.get(key), value));
            return this;
        }

        /** Whether each switch is evaluated and reverted when it made the objective worse. Default: on. */
        public Builder experiments(boolean on) {
            experiments = Settings.once("experiments", experiments, on);
            return this;
        }

        /** Time after a switch whose objective values are ignored. Default 10 s. */
        public Builder settlePeriod(Duration period) {
            ExperimentConfig.requireSettlePeriod(requireNonNull(period, "settle period must not be null"));
            settlePeriod = Settings.once("settle period", settlePeriod, period);
            return this;
        }

        /** Time after the settle period whose objective values are compared with the baseline. Default 60 s. */
        public Builder evaluationPeriod(Duration period) {
            ExperimentConfig.requireEvaluationPeriod(requireNonNull(period, "evaluation period must not be null"));
            evaluationPeriod = Settings.once("evaluation period", evaluationPeriod, period);
            return this;
        }

        /** A scheduler that made a workload class worse is not chosen for it again before this. Default 24 h. */
        public Builder retryLostAfter(Duration wait) {
            ExperimentConfig.requireRetryLostAfter(requireNonNull(wait, "retry lost after must not be null"));
            retryLostAfter = Settings.once("retry lost after", retryLostAfter, wait);
            return this;
        }

        /**
         * What "better" means: used instead of discovering one (the default is {@link KernelObjective}).
         * An embedding service passes its own signal, e.g.
         * {@code Objective.of("p99 latency", "ms", Direction.LOWER_IS_BETTER, metrics::p99Millis)}.
         */
        public Builder objective(Objective o) {
            providers.objective = Settings.once("objective", providers.objective,
                    requireNonNull(o, "objective must not be null"));
            return this;
        }

        /** Convenience for {@link #objective(Objective)} with {@link Objective#of}. */
        public Builder objective(String name, String unit, Objective.Direction direction, DoubleSupplier value) {
            return objective(Objective.of(name, unit, direction, value));
        }

        /** Where the outcome history is kept between runs. Default: in memory only. */
        public Builder outcomeStore(OutcomeStore store) {
            providers.outcomeStore = Settings.once("outcome store", providers.outcomeStore,
                    requireNonNull(store, "outcome store must not be null"));
            return this;
        }

        /** Uses this source instead of discovering one. */
        public Builder metricSource(MetricSource source) {
            providers.metricSource = Settings.once("metric source", providers.metricSource,
                    requireNonNull(source, "metric source must not be null"));
            return this;
        }

        /**
         * Thresholds for the default classifier (also the one a {@link dev.autosa.api.RefiningClassifier}
         * refines): those set with {@link Thresholds#with} are used as given, the others derived from
         * the machine's CPU count. Default: all derived.
         */
        public Builder thresholds(Thresholds t) {
            providers.thresholds = Settings.once("thresholds", providers.thresholds,
                    requireNonNull(t, "thresholds must not be null"));
            return this;
        }

        /** Uses this classifier instead of discovering one (even if it says it is not available). */
        public Builder classifier(WorkloadClassifier c) {
            providers.classifier = Settings.once("classifier", providers.classifier,
                    requireNonNull(c, "classifier must not be null"));
            return this;
        }

        /** Uses this controller instead of discovering one. */
        public Builder controller(SchedulerController c) {
            providers.controller = Settings.once("controller", providers.controller,
                    requireNonNull(c, "controller must not be null"));
            return this;
        }

        /** The engine's clock (decisions, backoff, switch intervals). Default: the system clock. */
        public Builder clock(InstantSource c) {
            providers.clock = Settings.once("clock", providers.clock, requireNonNull(c, "clock must not be null"));
            return this;
        }

        /** Runs the loop on this executor instead of a thread of AutoSA's own; AutoSA does not shut it down. */
        public Builder executor(ScheduledExecutorService e) {
            providers.executor = Settings.once("executor", providers.executor,
                    requireNonNull(e, "executor must not be null"));
            return this;
        }

        /** Where to look for providers (e.g. a plug-in directory's class loader). Default: this class's loader. */
        public Builder classLoader(ClassLoader loader) {
            providers.classLoader = Settings.once("class loader", providers.classLoader,
                    requireNonNull(loader, "class loader must not be null"));
            return this;
        }

        /** Adds a listener for engine events; may be called several times. */
        public Builder listener(AutoSAListener listener) {
            providers.listeners.add(requireNonNull(listener, "listener must not be null"));
            return this;
        }

        /**
         * The settings given so far, with defaults filled in and checked against each other, without
         * finding providers or building an engine.
         *
         * @throws IllegalArgumentException naming the setting, when settings contradict each other
         */
        public AutoSAConfig toConfig() {
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

        /**
         * Validates the whole configuration, finds the providers (handing them their settings),
         * checks the scheduler arguments with the controller, and builds the engine.
         *
         * @throws IllegalArgumentException naming the setting, when settings contradict each other,
         *     a provider setting is bad or claimed by no provider, or a controller rejects arguments
         * @throws IllegalStateException when no metric source is available, saying why, or when this
         *     builder has built already
         */
        public AutoSA build() {
            if (built) {
                throw new IllegalStateException("this builder has already built an AutoSA; use a new builder");
            }
            AutoSAConfig config = toConfig();
            built = true;
            return providers.assemble(config);
        }

        boolean hasCollectionInterval() {
            return collectionInterval != null || base != null;
        }

        boolean hasController() {
            return providers.controller != null;
        }

        private static <T> T or(@Nullable T given, @Nullable T fromBase, T fallback) {
            return given != null ? given : fromBase != null ? fromBase : fallback;
        }
    }
}
