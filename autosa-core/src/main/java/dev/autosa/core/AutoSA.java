// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static dev.autosa.core.Durations.format;
import static java.util.Objects.requireNonNull;

import dev.autosa.api.AutoSAListener;
import dev.autosa.api.Decision;
import dev.autosa.api.MetricSource;
import dev.autosa.api.Objective;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.WorkloadClassifier;
import dev.autosa.core.internal.Engine;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
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

    /** @param hostExecutor the executor the builder was given, or null: AutoSA ticks on a thread of its own */
    AutoSA(AutoSAConfig config, Engine engine, @Nullable ScheduledExecutorService hostExecutor) {
        this.config = config;
        this.engine = engine;
        this.lifecycle = new Lifecycle(engine, hostExecutor);
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
        lifecycle.start(config.collectionInterval(), engine::tick);
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

        private final GivenSettings given = new GivenSettings();
        private final Parts providers = new Parts();
        private boolean built;

        private Builder() {
        }

        /** Starts from a whole configuration; the other setters override single values of it. */
        public Builder config(AutoSAConfig config) {
            given.config(config);
            return this;
        }

        public Builder collectionInterval(Duration interval) {
            given.collectionInterval(interval);
            return this;
        }

        public Builder aggregationWindow(Duration window) {
            given.aggregationWindow(window);
            return this;
        }

        public Builder minConfidence(double confidence) {
            given.minConfidence(confidence);
            return this;
        }

        public Builder minSwitchInterval(Duration interval) {
            given.minSwitchInterval(interval);
            return this;
        }

        public Builder stabilityPeriod(Duration period) {
            given.stabilityPeriod(period);
            return this;
        }

        /** No decisions before the window holds this much data. Default: {@link AutoSAConfig#defaultWarmup}. */
        public Builder warmup(Duration value) {
            given.warmup(value);
            return this;
        }

        public Builder autoSwitch(boolean on) {
            given.autoSwitch(on);
            return this;
        }

        /** auto, recommend (the default) or dry-run. */
        public Builder mode(Mode value) {
            given.mode(value);
            return this;
        }

        public Builder failureBackoff(Duration backoff) {
            given.failureBackoff(backoff);
            return this;
        }

        public Builder maxFailureBackoff(Duration backoff) {
            given.maxFailureBackoff(backoff);
            return this;
        }

        public Builder blocklistAfter(int failures) {
            given.blocklistAfter(failures);
            return this;
        }

        public Builder keepSchedulerOnClose(boolean keep) {
            given.keepSchedulerOnClose(keep);
            return this;
        }

        public Builder decisionLogSize(int size) {
            given.decisionLogSize(size);
            return this;
        }

        public Builder preferences(PreferenceTable table) {
            given.preferences(table);
            return this;
        }

        /**
         * Extra arguments for one scheduler binary. Each must be a flag ({@code -x}, {@code --name},
         * {@code --name=value}) or a plain value, with no shell metacharacters or control characters;
         * a controller that knows the scheduler's flags checks them at {@link #build()}.
         */
        public Builder schedulerArgs(String scheduler, List<String> args) {
            given.schedulerArgs(scheduler, args);
            return this;
        }

        /**
         * A setting for a provider, as text (e.g. {@code scx_trusted_dirs = /opt/scx/bin}). The
         * provider that claims the key's prefix validates it at {@link #build()}; a key no provider
         * claims is an error there.
         */
        public Builder providerSetting(String key, String value) {
            given.providerSetting(key, value);
            return this;
        }

        /** Whether each switch is evaluated and reverted when it made the objective worse. Default: on. */
        public Builder experiments(boolean on) {
            given.experiments(on);
            return this;
        }

        /** Time after a switch whose objective values are ignored. Default 10 s. */
        public Builder settlePeriod(Duration period) {
            given.settlePeriod(period);
            return this;
        }

        /** Time after the settle period whose objective values are compared with the baseline. Default 60 s. */
        public Builder evaluationPeriod(Duration period) {
            given.evaluationPeriod(period);
            return this;
        }

        /** A scheduler that made a workload class worse is not chosen for it again before this. Default 24 h. */
        public Builder retryLostAfter(Duration wait) {
            given.retryLostAfter(wait);
            return this;
        }

        /**
         * What "better" means: used instead of discovering one (the default is {@link KernelObjective}).
         * An embedding service passes its own signal, e.g.
         * {@code Objective.of("p99 latency", "ms", Direction.LOWER_IS_BETTER, metrics::p99Millis)}.
         */
        public Builder objective(Objective o) {
            providers.objective = Settings.onceNonNull("objective", providers.objective, o);
            return this;
        }

        /** Convenience for {@link #objective(Objective)} with {@link Objective#of}. */
        public Builder objective(String name, String unit, Objective.Direction direction, DoubleSupplier value) {
            return objective(Objective.of(name, unit, direction, value));
        }

        /** Where the outcome history is kept between runs. Default: in memory only. */
        public Builder outcomeStore(OutcomeStore store) {
            providers.outcomeStore = Settings.onceNonNull("outcome store", providers.outcomeStore, store);
            return this;
        }

        /** Uses this source instead of discovering one. */
        public Builder metricSource(MetricSource source) {
            providers.metricSource = Settings.onceNonNull("metric source", providers.metricSource, source);
            return this;
        }

        /**
         * Thresholds for the default classifier (also the one a {@link dev.autosa.api.RefiningClassifier}
         * refines): those set with {@link Thresholds#with} are used as given, the others derived from
         * the machine's CPU count. Default: all derived.
         */
        public Builder thresholds(Thresholds t) {
            providers.thresholds = Settings.onceNonNull("thresholds", providers.thresholds, t);
            return this;
        }

        /** Uses this classifier instead of discovering one (even if it says it is not available). */
        public Builder classifier(WorkloadClassifier c) {
            providers.classifier = Settings.onceNonNull("classifier", providers.classifier, c);
            return this;
        }

        /** Uses this controller instead of discovering one. */
        public Builder controller(SchedulerController c) {
            providers.controller = Settings.onceNonNull("controller", providers.controller, c);
            return this;
        }

        /** The engine's clock (decisions, backoff, switch intervals). Default: the system clock. */
        public Builder clock(InstantSource c) {
            providers.clock = Settings.onceNonNull("clock", providers.clock, c);
            return this;
        }

        /** Runs the loop on this executor instead of a thread of AutoSA's own; AutoSA does not shut it down. */
        public Builder executor(ScheduledExecutorService e) {
            providers.executor = Settings.onceNonNull("executor", providers.executor, e);
            return this;
        }

        /** Where to look for providers (e.g. a plug-in directory's class loader). Default: this class's loader. */
        public Builder classLoader(ClassLoader loader) {
            providers.classLoader = Settings.onceNonNull("class loader", providers.classLoader, loader);
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
            return given.toConfig();
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
            return given.hasCollectionInterval();
        }

        boolean hasController() {
            return providers.controller != null;
        }
    }
}
