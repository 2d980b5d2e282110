// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static dev.autosa.core.Durations.format;

import dev.autosa.api.AutoSAListener;
import dev.autosa.api.Decision;
import dev.autosa.api.MetricSource;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.SchedulerInfo;
import dev.autosa.api.WorkloadClassifier;
import dev.autosa.core.internal.Engine;
import dev.autosa.core.internal.Loop;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AutoSA embedded in a JVM: watches the machine, classifies its workload and recommends or
 * switches the sched_ext scheduler that suits it.
 *
 * <pre>{@code
 * try (AutoSA autosa = AutoSA.builder().mode(Mode.RECOMMEND).build()) {
 *     autosa.start();
 *     ...
 *     System.out.println(autosa.status().recommended());
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops the loop and, unless {@code keepSchedulerOnClose} is set, returns the
 * kernel to its default scheduler if AutoSA switched it.
 */
public final class AutoSA implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AutoSA.class);

    private final AutoSAConfig config;
    private final Engine engine;
    private final ScheduledExecutorService executor;
    private final boolean ownsExecutor;
    private final Object lifecycle = new Object();
    private @Nullable Loop loop;
    private @Nullable Instant startedAt;
    private boolean closed;

    private AutoSA(AutoSAConfig config, Engine engine, ScheduledExecutorService executor, boolean ownsExecutor) {
        this.config = config;
        this.engine = engine;
        this.executor = executor;
        this.ownsExecutor = ownsExecutor;
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
        synchronized (lifecycle) {
            requireOpen();
            if (loop != null) {
                throw new IllegalStateException("autosa is already started");
            }
            startedAt = Instant.now();
            loop = new Loop(executor, config.collectionInterval(), engine::tick);
            loop.start();
            LOG.info("autosa started: mode {}, interval {}, window {}, min confidence {}, min switch interval {}",
                    engine.mode().id(), format(config.collectionInterval()), format(config.aggregationWindow()),
                    config.minConfidence(), format(config.minSwitchInterval()));
        }
    }

    /**
     * Runs one tick now, on the caller's thread, and returns its decision. For replaying captures
     * and for tests that drive a simulated clock; not allowed while the loop runs.
     */
    public Decision tick() {
        synchronized (lifecycle) {
            requireOpen();
            if (loop != null) {
                throw new IllegalStateException("tick() cannot be called while the loop runs; call it instead of start()");
            }
        }
        return engine.tick();
    }

    public AutoSAStatus status() {
        synchronized (lifecycle) {
            return engine.status(loop != null && !closed, startedAt);
        }
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
        synchronized (lifecycle) {
            requireOpen();
        }
        return engine.requestSwitch(scheduler, requestedBy);
    }

    /** Stops the loop and restores the kernel default scheduler unless configured to keep it. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            if (loop != null) {
                loop.stop();
            }
        }
        if (ownsExecutor) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warn("the loop thread did not finish its tick within 30s; closing anyway");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        engine.shutdown(config.keepSchedulerOnClose());
        LOG.info("autosa stopped{}", config.keepSchedulerOnClose() ? " (scheduler kept)" : "");
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("autosa is closed");
        }
    }

    /**
     * Collects settings; every setter validates its value at once and may be called only once.
     * Settings not given take the values of {@link #config(AutoSAConfig)}, else the defaults.
     */
    public static final class Builder {

        private @Nullable AutoSAConfig base;
        private final Map<String, Object> settings = new LinkedHashMap<>();
        private final Map<String, List<String>> schedulerArgs = new LinkedHashMap<>();
        private @Nullable MetricSource metricSource;
        private @Nullable WorkloadClassifier classifier;
        private @Nullable Thresholds thresholds;
        private @Nullable SchedulerController controller;
        private @Nullable InstantSource clock;
        private @Nullable ScheduledExecutorService executor;
        private @Nullable ClassLoader classLoader;
        private final List<AutoSAListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** Starts from a whole configuration (e.g. read from a file); other setters override it. */
        public Builder config(AutoSAConfig config) {
            requireUnset("config", base);
            base = config;
            return this;
        }

        public Builder collectionInterval(Duration interval) {
            AutoSAConfig.requireBetween("collection interval", interval, AutoSAConfig.MIN_INTERVAL,
                    AutoSAConfig.MAX_INTERVAL);
            return set("collection interval", interval);
        }

        public Builder aggregationWindow(Duration window) {
            AutoSAConfig.requireBetween("aggregation window", window, AutoSAConfig.MIN_INTERVAL.multipliedBy(2),
                    AutoSAConfig.MAX_INTERVAL.multipliedBy(AutoSAConfig.MAX_WINDOW_TICKS));
            return set("aggregation window", window);
        }

        public Builder minConfidence(double confidence) {
            AutoSAConfig.requireMinConfidence(confidence);
            return set("min confidence", confidence);
        }

        public Builder minSwitchInterval(Duration interval) {
            AutoSAConfig.requireBetween("min switch interval", interval, Duration.ZERO,
                    AutoSAConfig.MAX_POLICY_DURATION);
            return set("min switch interval", interval);
        }

        public Builder stabilityPeriod(Duration period) {
            AutoSAConfig.requireBetween("stability period", period, Duration.ZERO, AutoSAConfig.MAX_POLICY_DURATION);
            return set("stability period", period);
        }

        /** No decisions before the window holds this much data. Default: half the aggregation window. */
        public Builder warmup(Duration warmup) {
            AutoSAConfig.requireBetween("warmup", warmup, Duration.ZERO, AutoSAConfig.MAX_POLICY_DURATION);
            return set("warmup", warmup);
        }

        public Builder autoSwitch(boolean on) {
            return set("auto switch", on);
        }

        public Builder mode(Mode mode) {
            return set("mode", mode);
        }

        public Builder failureBackoff(Duration backoff) {
            AutoSAConfig.requireBetween("failure backoff", backoff, Duration.ZERO, AutoSAConfig.MAX_POLICY_DURATION);
            return set("failure backoff", backoff);
        }

        public Builder maxFailureBackoff(Duration backoff) {
            AutoSAConfig.requireBetween("max failure backoff", backoff, Duration.ZERO, AutoSAConfig.MAX_POLICY_DURATION);
            return set("max failure backoff", backoff);
        }

        public Builder blocklistAfter(int failures) {
            AutoSAConfig.requireBlocklistAfter(failures);
            return set("blocklist after", failures);
        }

        public Builder keepSchedulerOnClose(boolean keep) {
            return set("keep scheduler on close", keep);
        }

        public Builder decisionLogSize(int size) {
            AutoSAConfig.requireDecisionLogSize(size);
            return set("decision log size", size);
        }

        public Builder preferences(PreferenceTable table) {
            return set("preferences", table);
        }

        /** Extra arguments for one scheduler binary (validated by the controller when it starts it). */
        public Builder schedulerArgs(String scheduler, List<String> args) {
            dev.autosa.api.SchedulerSpec.of(scheduler);
            if (schedulerArgs.containsKey(scheduler)) {
                throw new IllegalStateException("scheduler args for " + scheduler + " were already set to "
                        + schedulerArgs.get(scheduler));
            }
            schedulerArgs.put(scheduler, List.copyOf(args));
            return this;
        }

        /** Uses this source instead of discovering one. */
        public Builder metricSource(MetricSource source) {
            requireUnset("metric source", metricSource);
            metricSource = source;
            return this;
        }

        /**
         * Thresholds for the default classifier (also the one a {@link dev.autosa.api.RefiningClassifier}
         * refines): those set with {@link Thresholds#with} are used as given, the others derived from
         * the machine's CPU count. Default: all derived.
         */
        public Builder thresholds(Thresholds t) {
            requireUnset("thresholds", thresholds);
            thresholds = Objects.requireNonNull(t, "thresholds");
            return this;
        }

        /** Uses this classifier instead of discovering one. */
        public Builder classifier(WorkloadClassifier c) {
            requireUnset("classifier", classifier);
            classifier = c;
            return this;
        }

        /** Uses this controller instead of discovering one. */
        public Builder controller(SchedulerController c) {
            requireUnset("controller", controller);
            controller = c;
            return this;
        }

        /** The engine's clock (decisions, backoff, switch intervals). Default: the system clock. */
        public Builder clock(InstantSource c) {
            requireUnset("clock", clock);
            clock = c;
            return this;
        }

        /** Runs the loop on this executor instead of a thread of AutoSA's own; AutoSA does not shut it down. */
        public Builder executor(ScheduledExecutorService e) {
            requireUnset("executor", executor);
            executor = e;
            return this;
        }

        /** Where to look for providers (e.g. a plug-in directory's class loader). Default: this class's loader. */
        public Builder classLoader(ClassLoader loader) {
            requireUnset("class loader", classLoader);
            classLoader = loader;
            return this;
        }

        /** Adds a listener for engine events; may be called several times. */
        public Builder listener(AutoSAListener listener) {
            listeners.add(listener);
            return this;
        }

        /**
         * Validates the whole configuration, finds the providers and builds the engine.
         *
         * @throws IllegalArgumentException naming the setting, when settings contradict each other
         * @throws IllegalStateException when no metric source is available, saying why
         */
        public AutoSA build() {
            AutoSAConfig config = mergedConfig();
            ClassLoader loader = classLoader != null ? classLoader : AutoSA.class.getClassLoader();

            Discovery.Choice<MetricSource> source = Discovery.choose(MetricSource.class, metricSource, loader);
            if (source.provider() == null) {
                throw new IllegalStateException(source.explanation());
            }
            WorkloadClassifier chosenClassifier = Discovery.choose(WorkloadClassifier.class, classifier, loader)
                    .provider();
            if (chosenClassifier == null || (thresholds != null && chosenClassifier instanceof DefaultClassifier)) {
                chosenClassifier = thresholds == null ? new DefaultClassifier() : new DefaultClassifier(thresholds);
            }
            Mode mode = config.mode();
            String modeReason;
            SchedulerController chosenController;
            if (mode == Mode.DRY_RUN && !(controller instanceof SimulatedController)) {
                Discovery.Choice<SchedulerController> real = Discovery.choose(SchedulerController.class, controller, loader);
                List<String> installed = real.provider() == null ? List.of() : installedNames(real.provider());
                if (installed.isEmpty()) {
                    installed = SimulatedController.SEED_SCHEDULERS;
                }
                chosenController = new SimulatedController(installed);
                modeReason = "dry-run: a simulated controller with " + String.join(", ", installed)
                        + " installed; the kernel is never touched";
            } else {
                Discovery.Choice<SchedulerController> choice = Discovery.choose(SchedulerController.class, controller, loader);
                chosenController = choice.provider();
                if (chosenController == null && mode == Mode.AUTO) {
                    mode = Mode.RECOMMEND;
                    modeReason = choice.explanation() + "; running in recommend mode";
                    LOG.warn("{}", modeReason);
                } else if (chosenController == null) {
                    modeReason = "recommend mode (configured); " + choice.explanation();
                } else if (mode == Mode.AUTO && !config.autoSwitch()) {
                    modeReason = "auto mode with auto switch off: recommending only";
                } else {
                    modeReason = mode.id() + " mode (configured), controller " + chosenController.name();
                }
            }

            Engine engine = new Engine(config, mode, modeReason, source.provider(), chosenClassifier, thresholds, chosenController,
                    clock != null ? clock : InstantSource.system(), listeners);
            ScheduledExecutorService given = executor;
            boolean owns = given == null;
            ScheduledExecutorService exec = given != null ? given : Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "autosa-loop");
                t.setDaemon(true);
                return t;
            });
            return new AutoSA(config, engine, exec, owns);
        }

        private static List<String> installedNames(SchedulerController c) {
            List<String> names = new ArrayList<>();
            try {
                for (SchedulerInfo info : c.available()) {
                    if (info.installed()) {
                        names.add(info.name());
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("could not read the catalog of {}", c.name(), e);
            }
            return names;
        }

        private AutoSAConfig mergedConfig() {
            AutoSAConfig b = base != null ? base : AutoSAConfig.ofDefaults();
            Duration window = get("aggregation window", b.aggregationWindow());
            // Without an explicit warm-up (here or in a given config), wait for half the window.
            Duration warmupDefault = base != null ? b.warmup() : window.dividedBy(2);
            Map<String, List<String>> args = new LinkedHashMap<>(b.schedulerArgs());
            args.putAll(schedulerArgs);
            return new AutoSAConfig(
                    get("collection interval", b.collectionInterval()),
                    window,
                    get("min confidence", b.minConfidence()),
                    get("min switch interval", b.minSwitchInterval()),
                    get("stability period", b.stabilityPeriod()),
                    get("warmup", warmupDefault),
                    get("auto switch", b.autoSwitch()),
                    get("mode", b.mode()),
                    get("failure backoff", b.failureBackoff()),
                    get("max failure backoff", b.maxFailureBackoff()),
                    get("blocklist after", b.blocklistAfter()),
                    get("keep scheduler on close", b.keepSchedulerOnClose()),
                    get("decision log size", b.decisionLogSize()),
                    get("preferences", b.preferences()),
                    args);
        }

        @SuppressWarnings("unchecked")
        private <T> T get(String setting, T fallback) {
            Object v = settings.get(setting);
            return v != null ? (T) v : fallback;
        }

        private Builder set(String setting, Object value) {
            Object previous = settings.get(setting);
            if (previous != null) {
                throw new IllegalStateException(setting + " was already set to " + describe(previous));
            }
            settings.put(setting, value);
            return this;
        }

        private static void requireUnset(String setting, @Nullable Object current) {
            if (current != null) {
                throw new IllegalStateException(setting + " was already set to " + describe(current));
            }
        }

        private static String describe(Object value) {
            if (value instanceof Duration d) {
                return format(d);
            }
            if (value instanceof Mode m) {
                return m.id();
            }
            return String.valueOf(value);
        }
    }
}
