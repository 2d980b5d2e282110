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

    /**
     * A new builder holding no settings: every value not set takes its default (see {@link AutoSAConfig}).
     *
     * @return a builder that builds one AutoSA
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The configuration this AutoSA was built with, every default filled in.
     *
     * @return the immutable configuration; the same instance on every call
     */
    public AutoSAConfig config() {
        return config;
    }

    /**
     * The mode in force: AUTO falls back to RECOMMEND when no controller can switch here.
     *
     * @return the mode the engine runs in, which may differ from {@link AutoSAConfig#mode()}
     */
    public Mode mode() {
        return engine.mode();
    }

    /**
     * Starts ticking every collection interval on the loop thread (the executor given to the builder, else a
     * daemon thread of AutoSA's own). Returns at once.
     *
     * @throws IllegalStateException when AutoSA is already started or closed
     */
    public void start() {
        lifecycle.start(config.collectionInterval(), engine::tick);
        LOG.info("autosa started: mode {}, interval {}, window {}, min confidence {}, min switch interval {}",
                engine.mode().id(), format(config.collectionInterval()), format(config.aggregationWindow()),
                config.minConfidence(), format(config.minSwitchInterval()));
    }

    /**
     * Runs one tick now, on the caller's thread, and returns its decision. For replaying captures
     * and for tests that drive a simulated clock; not allowed while the loop runs.
     *
     * @return the decision of this tick (a recommendation, a switch, or why nothing was done)
     * @throws IllegalStateException when the loop was started with {@link #start()} or AutoSA is closed
     */
    public Decision tick() {
        lifecycle.requireManual();
        return engine.tick();
    }

    /**
     * A snapshot of the engine's state, safe to call from any thread at any time, also after
     * {@link #close()}.
     *
     * @return the state now: mode, health, current workload and scheduler, recent decisions
     */
    public AutoSAStatus status() {
        return lifecycle.status();
    }

    /**
     * The closed loop: the objective, the switch under test, the last verdict and the outcome history.
     *
     * @return a snapshot of the closed loop's state now
     */
    public ExperimentStatus experiments() {
        return engine.experimentStatus();
    }

    /**
     * Hands a scheduler that someone else started over to AutoSA, so the policy may replace it.
     *
     * @return true when the controller adopted the running scheduler; false when there is no controller, nothing
     *     to adopt, or the controller cannot adopt it
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
     * @return whether the switch was made, why (or why not), and what the kernel runs afterwards; a refusal is an
     *     outcome, not an exception
     * @throws IllegalStateException when AutoSA is closed
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
     * Stops the loop and releases the providers. The first call decides; later calls do nothing. Safe from a
     * listener: called on the loop's own thread, the engine is released when the current tick ends, without
     * waiting for it.
     *
     * @param keepScheduler true leaves the running scheduler in place; false stops the scheduler AutoSA runs
     *     (one it started or adopted), returning the kernel to its default; one someone else started and
     *     AutoSA did not adopt is left alone
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

        /**
         * Starts from a whole configuration; the other setters override single values of it. May be called
         * before or after them. Default: {@link AutoSAConfig#ofDefaults()}.
         *
         * @param config a configuration, e.g. one read back with {@link AutoSA#config()}; not null
         * @return this builder
         * @throws IllegalStateException when a configuration was already given
         */
        public Builder config(AutoSAConfig config) {
            given.config(config);
            return this;
        }

        /**
         * Time between two samples of the metric source (one tick).
         *
         * @param interval from 10 ms to 1 h inclusive, and at {@link #build()} such that the aggregation
         *     window holds between 2 and 100,000 intervals; default
         *     {@link AutoSAConfig#DEFAULT_COLLECTION_INTERVAL} (1 s)
         * @return this builder
         * @throws NullPointerException when {@code interval} is null
         * @throws IllegalArgumentException when {@code interval} is out of range
         * @throws IllegalStateException when the collection interval was already set
         */
        public Builder collectionInterval(Duration interval) {
            given.collectionInterval(interval);
            return this;
        }

        /**
         * How much history the classifier sees: its verdict rests on the samples of this window.
         *
         * @param window from 20 ms to 100,000 h inclusive here, and at {@link #build()} between 2 and 100,000
         *     collection intervals; default {@link AutoSAConfig#DEFAULT_AGGREGATION_WINDOW} (60 s)
         * @return this builder
         * @throws NullPointerException when {@code window} is null
         * @throws IllegalArgumentException when {@code window} is out of range
         * @throws IllegalStateException when the aggregation window was already set
         */
        public Builder aggregationWindow(Duration window) {
            given.aggregationWindow(window);
            return this;
        }

        /**
         * A recommendation with a confidence below this never causes a switch (it is still reported).
         *
         * @param confidence in [0, 1] (NaN is refused); default {@link AutoSAConfig#DEFAULT_MIN_CONFIDENCE} (0.7)
         * @return this builder
         * @throws IllegalArgumentException when {@code confidence} is outside [0, 1]
         * @throws IllegalStateException when the min confidence was already set
         */
        public Builder minConfidence(double confidence) {
            given.minConfidence(confidence);
            return this;
        }

        /**
         * Least time between two switches, counted from the last switch (automatic or requested).
         *
         * @param interval from 0 to 7 days inclusive; default {@link AutoSAConfig#DEFAULT_MIN_SWITCH_INTERVAL}
         *     (300 s)
         * @return this builder
         * @throws NullPointerException when {@code interval} is null
         * @throws IllegalArgumentException when {@code interval} is out of range
         * @throws IllegalStateException when the min switch interval was already set
         */
        public Builder minSwitchInterval(Duration interval) {
            given.minSwitchInterval(interval);
            return this;
        }

        /**
         * How long the same recommendation must hold before the policy switches to it.
         *
         * @param period from 0 to 7 days inclusive; default {@link AutoSAConfig#DEFAULT_STABILITY_PERIOD} (20 s)
         * @return this builder
         * @throws NullPointerException when {@code period} is null
         * @throws IllegalArgumentException when {@code period} is out of range
         * @throws IllegalStateException when the stability period was already set
         */
        public Builder stabilityPeriod(Duration period) {
            given.stabilityPeriod(period);
            return this;
        }

        /**
         * No decisions before the window holds this much data.
         *
         * @param value from 0 to 7 days inclusive here, and at {@link #build()} at most the aggregation window;
         *     default {@link AutoSAConfig#defaultWarmup half the aggregation window} (30 s with the default window)
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         * @throws IllegalArgumentException when {@code value} is out of range
         * @throws IllegalStateException when the warm-up was already set
         */
        public Builder warmup(Duration value) {
            given.warmup(value);
            return this;
        }

        /**
         * Whether the policy may switch at all (the original AutoSA's {@code enable_auto_switch}); off, AutoSA
         * decides and reports only, even in {@link Mode#AUTO}.
         *
         * @param on true or false; default {@link AutoSAConfig#DEFAULT_AUTO_SWITCH} (true)
         * @return this builder
         * @throws IllegalStateException when auto switch was already set
         */
        public Builder autoSwitch(boolean on) {
            given.autoSwitch(on);
            return this;
        }

        /**
         * What the engine does with its recommendation.
         *
         * @param value {@link Mode#AUTO}, {@link Mode#RECOMMEND} or {@link Mode#DRY_RUN}; default
         *     {@link AutoSAConfig#DEFAULT_MODE} (recommend)
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         * @throws IllegalStateException when the mode was already set
         */
        public Builder mode(Mode value) {
            given.mode(value);
            return this;
        }

        /**
         * First wait after a scheduler failed before it may be chosen again; the wait
         * doubles with each further failure up to the {@linkplain #maxFailureBackoff max failure backoff}.
         *
         * @param backoff from 0 to 7 days inclusive, and at {@link #build()} at most the max failure backoff;
         *     default {@link AutoSAConfig#DEFAULT_FAILURE_BACKOFF} (60 s)
         * @return this builder
         * @throws NullPointerException when {@code backoff} is null
         * @throws IllegalArgumentException when {@code backoff} is out of range
         * @throws IllegalStateException when the failure backoff was already set
         */
        public Builder failureBackoff(Duration backoff) {
            given.failureBackoff(backoff);
            return this;
        }

        /**
         * Longest wait after a scheduler failed: the doubling of the {@linkplain #failureBackoff failure backoff}
         * stops here.
         *
         * @param backoff from 0 to 7 days inclusive here, and at {@link #build()} at least the failure backoff;
         *     default {@link AutoSAConfig#DEFAULT_MAX_FAILURE_BACKOFF} (1 h)
         * @return this builder
         * @throws NullPointerException when {@code backoff} is null
         * @throws IllegalArgumentException when {@code backoff} is out of range
         * @throws IllegalStateException when the max failure backoff was already set
         */
        public Builder maxFailureBackoff(Duration backoff) {
            given.maxFailureBackoff(backoff);
            return this;
        }

        /**
         * After this many failures a scheduler is never chosen again by this AutoSA.
         *
         * @param failures from 1 to 1000 inclusive; default {@link AutoSAConfig#DEFAULT_BLOCKLIST_AFTER} (3)
         * @return this builder
         * @throws IllegalArgumentException when {@code failures} is out of range
         * @throws IllegalStateException when blocklist after was already set
         */
        public Builder blocklistAfter(int failures) {
            given.blocklistAfter(failures);
            return this;
        }

        /**
         * Whether {@link AutoSA#close()} leaves the running scheduler in place instead of returning the kernel to
         * its default scheduler.
         *
         * @param keep true or false; default {@link AutoSAConfig#DEFAULT_KEEP_SCHEDULER_ON_CLOSE} (false)
         * @return this builder
         * @throws IllegalStateException when keep scheduler on close was already set
         */
        public Builder keepSchedulerOnClose(boolean keep) {
            given.keepSchedulerOnClose(keep);
            return this;
        }

        /**
         * How many recent decisions {@link AutoSA#status()} keeps (the oldest is dropped first).
         *
         * @param size from 1 to 100,000 inclusive; default {@link AutoSAConfig#DEFAULT_DECISION_LOG_SIZE} (100)
         * @return this builder
         * @throws IllegalArgumentException when {@code size} is out of range
         * @throws IllegalStateException when the decision log size was already set
         */
        public Builder decisionLogSize(int size) {
            given.decisionLogSize(size);
            return this;
        }

        /**
         * Which scheduler suits which workload class, best first.
         *
         * @param table any preference table; default {@link PreferenceTable#defaults()}
         * @return this builder
         * @throws NullPointerException when {@code table} is null
         * @throws IllegalStateException when the preferences were already set
         */
        public Builder preferences(PreferenceTable table) {
            given.preferences(table);
            return this;
        }

        /**
         * Extra arguments for one scheduler binary, passed to it as they are, never through a shell. A
         * controller that knows the scheduler's flags checks them at {@link #build()}. May be called once per
         * scheduler. Default: no arguments for any scheduler.
         *
         * @param scheduler the binary's name: {@code scx_} followed by 1 to 64 of a-z, 0-9 and '_'
         * @param args the arguments, possibly empty; each 1 to 256 characters of letters, digits and
         *     {@code - _ . , : / + = @ %} (a flag such as {@code -x}, {@code --name}, {@code --name=value}, or a plain
         *     value), so no shell metacharacters, spaces or control characters
         * @return this builder
         * @throws NullPointerException when {@code scheduler}, {@code args} or one of the arguments is null
         * @throws IllegalArgumentException when the name or an argument is not of that form
         * @throws IllegalStateException when arguments for this scheduler were already set
         */
        public Builder schedulerArgs(String scheduler, List<String> args) {
            given.schedulerArgs(scheduler, args);
            return this;
        }

        /**
         * A setting for a provider, as text (e.g. {@code scx_trusted_dirs = /opt/scx/bin}). The
         * provider that claims the key's prefix validates the value at {@link #build()}; a key no provider
         * claims is an error there. May be called once per key. Default: no provider settings.
         *
         * @param key 1 to 64 of a-z, 0-9 and '_' (the configuration file's key syntax)
         * @param value the value as text, checked by the provider that claims the key
         * @return this builder
         * @throws NullPointerException when {@code key} or {@code value} is null
         * @throws IllegalArgumentException when {@code key} is not of that form
         * @throws IllegalStateException when this key was already set
         */
        public Builder providerSetting(String key, String value) {
            given.providerSetting(key, value);
            return this;
        }

        /**
         * Whether each switch is evaluated against the objective and reverted when it made it worse; off, the
         * preference table alone decides.
         *
         * @param on true or false; default {@link ExperimentConfig#DEFAULT_ENABLED} (true)
         * @return this builder
         * @throws IllegalStateException when experiments was already set
         */
        public Builder experiments(boolean on) {
            given.experiments(on);
            return this;
        }

        /**
         * Time after a switch whose objective values are ignored, while the new scheduler warms up.
         *
         * @param period from 0 to 6 h inclusive; default {@link ExperimentConfig#DEFAULT_SETTLE_PERIOD} (10 s)
         * @return this builder
         * @throws NullPointerException when {@code period} is null
         * @throws IllegalArgumentException when {@code period} is out of range
         * @throws IllegalStateException when the settle period was already set
         */
        public Builder settlePeriod(Duration period) {
            given.settlePeriod(period);
            return this;
        }

        /**
         * Time after the settle period whose objective values are compared with the baseline before the switch.
         *
         * @param period from 1 s to 6 h inclusive; default {@link ExperimentConfig#DEFAULT_EVALUATION_PERIOD} (60 s)
         * @return this builder
         * @throws NullPointerException when {@code period} is null
         * @throws IllegalArgumentException when {@code period} is out of range
         * @throws IllegalStateException when the evaluation period was already set
         */
        public Builder evaluationPeriod(Duration period) {
            given.evaluationPeriod(period);
            return this;
        }

        /**
         * A scheduler that made a workload class worse is not chosen for it again before this has passed.
         *
         * @param wait from 0 to 365 days inclusive; default {@link ExperimentConfig#DEFAULT_RETRY_LOST_AFTER} (24 h)
         * @return this builder
         * @throws NullPointerException when {@code wait} is null
         * @throws IllegalArgumentException when {@code wait} is out of range
         * @throws IllegalStateException when retry lost after was already set
         */
        public Builder retryLostAfter(Duration wait) {
            given.retryLostAfter(wait);
            return this;
        }

        /**
         * What "better" means: used instead of discovering one (the default is {@link KernelObjective}).
         * An embedding service passes its own signal, e.g.
         * {@code Objective.of("p99 latency", "ms", Direction.LOWER_IS_BETTER, metrics::p99Millis)}.
         *
         * @param o the objective every switch is evaluated against
         * @return this builder
         * @throws NullPointerException when {@code o} is null
         * @throws IllegalStateException when an objective was already given
         */
        public Builder objective(Objective o) {
            providers.objective = Settings.onceNonNull("objective", providers.objective, o);
            return this;
        }

        /**
         * Convenience for {@link #objective(Objective)} with {@link Objective#of}.
         *
         * @param name what is measured, for status and logs (e.g. "p99 latency")
         * @param unit the unit of the values (e.g. "ms")
         * @param direction whether lower or higher values are better
         * @param value reads the current value; called on the loop thread once per tick, may return NaN when
         *     it has nothing to report
         * @return this builder
         * @throws NullPointerException when an argument is null
         * @throws IllegalArgumentException when {@code name} is blank
         * @throws IllegalStateException when an objective was already given
         */
        public Builder objective(String name, String unit, Objective.Direction direction, DoubleSupplier value) {
            return objective(Objective.of(name, unit, direction, value));
        }

        /**
         * Where the outcome history is kept between runs, e.g. {@link FileOutcomeStore}. Default: in memory only.
         *
         * @param store the store to load the history from at build and to save each outcome to
         * @return this builder
         * @throws NullPointerException when {@code store} is null
         * @throws IllegalStateException when a store was already given
         */
        public Builder outcomeStore(OutcomeStore store) {
            providers.outcomeStore = Settings.onceNonNull("outcome store", providers.outcomeStore, store);
            return this;
        }

        /**
         * Uses this source instead of discovering one. Default: the highest-priority available source found
         * with {@link java.util.ServiceLoader}.
         *
         * @param source the source sampled every tick; AutoSA closes it when it closes
         * @return this builder
         * @throws NullPointerException when {@code source} is null
         * @throws IllegalStateException when a source was already given
         */
        public Builder metricSource(MetricSource source) {
            providers.metricSource = Settings.onceNonNull("metric source", providers.metricSource, source);
            return this;
        }

        /**
         * Thresholds for the default classifier (also the one a {@link dev.autosa.api.RefiningClassifier}
         * refines): those set with {@link Thresholds#with} are used as given, the others derived from
         * the machine's CPU count. Default: all derived.
         *
         * @param t the thresholds, e.g. {@code Thresholds.ofDefaults().with(...)}
         * @return this builder
         * @throws NullPointerException when {@code t} is null
         * @throws IllegalStateException when thresholds were already given
         */
        public Builder thresholds(Thresholds t) {
            providers.thresholds = Settings.onceNonNull("thresholds", providers.thresholds, t);
            return this;
        }

        /**
         * Uses this classifier instead of discovering one (even if it says it is not available). Default: the
         * highest-priority available classifier found, else {@link DefaultClassifier}.
         *
         * @param c the classifier that names the workload from the window each tick
         * @return this builder
         * @throws NullPointerException when {@code c} is null
         * @throws IllegalStateException when a classifier was already given
         */
        public Builder classifier(WorkloadClassifier c) {
            providers.classifier = Settings.onceNonNull("classifier", providers.classifier, c);
            return this;
        }

        /**
         * Uses this controller instead of discovering one. Default: the highest-priority available controller
         * found; none means recommend mode.
         *
         * @param c the controller that starts and stops schedulers
         * @return this builder
         * @throws NullPointerException when {@code c} is null
         * @throws IllegalStateException when a controller was already given
         */
        public Builder controller(SchedulerController c) {
            providers.controller = Settings.onceNonNull("controller", providers.controller, c);
            return this;
        }

        /**
         * The engine's clock (decisions, backoff, switch intervals). Default: the system clock.
         *
         * @param c the clock, e.g. a simulated one in tests that call {@link AutoSA#tick()}
         * @return this builder
         * @throws NullPointerException when {@code c} is null
         * @throws IllegalStateException when a clock was already given
         */
        public Builder clock(InstantSource c) {
            providers.clock = Settings.onceNonNull("clock", providers.clock, c);
            return this;
        }

        /**
         * Runs the loop on this executor instead of a thread of AutoSA's own; AutoSA does not shut it down.
         * Default: a single daemon thread named {@code autosa-loop}, shut down on close.
         *
         * @param e the executor the loop schedules its ticks on
         * @return this builder
         * @throws NullPointerException when {@code e} is null
         * @throws IllegalStateException when an executor was already given
         */
        public Builder executor(ScheduledExecutorService e) {
            providers.executor = Settings.onceNonNull("executor", providers.executor, e);
            return this;
        }

        /**
         * Where to look for providers (e.g. a plug-in directory's class loader). Default: this class's loader.
         *
         * @param loader the class loader {@link java.util.ServiceLoader} searches
         * @return this builder
         * @throws NullPointerException when {@code loader} is null
         * @throws IllegalStateException when a class loader was already given
         */
        public Builder classLoader(ClassLoader loader) {
            providers.classLoader = Settings.onceNonNull("class loader", providers.classLoader, loader);
            return this;
        }

        /**
         * Adds a listener for engine events; may be called several times. Default: no listeners.
         *
         * @param listener called for each event on the thread that runs the tick
         * @return this builder
         * @throws NullPointerException when {@code listener} is null
         */
        public Builder listener(AutoSAListener listener) {
            providers.listeners.add(requireNonNull(listener, "listener must not be null"));
            return this;
        }

        /**
         * The settings given so far, with defaults filled in and checked against each other, without
         * finding providers or building an engine.
         *
         * @return the configuration {@link #build()} would use
         * @throws IllegalArgumentException naming the setting, when settings contradict each other
         */
        public AutoSAConfig toConfig() {
            return given.toConfig();
        }

        /**
         * Validates the whole configuration, finds the providers (handing them their settings),
         * checks the scheduler arguments with the controller, and builds the engine.
         *
         * @return a new AutoSA, not started
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
