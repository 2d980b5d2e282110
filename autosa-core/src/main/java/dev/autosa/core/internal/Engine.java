// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import static dev.autosa.core.Durations.format;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.AutoSAEvent;
import dev.autosa.api.AutoSAListener;
import dev.autosa.api.Classification;
import dev.autosa.api.Decision;
import dev.autosa.api.MetricSource;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.SchedulerException;
import dev.autosa.api.SchedulerFailure;
import dev.autosa.api.RefiningClassifier;
import dev.autosa.api.WorkloadClassifier;
import dev.autosa.core.DefaultClassifier;
import dev.autosa.core.Thresholds;
import dev.autosa.core.AutoSAConfig;
import dev.autosa.core.AutoSAStatus;
import dev.autosa.core.Mode;
import dev.autosa.core.SwitchOutcome;
import dev.autosa.core.internal.SwitchPolicy.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tick of AutoSA: health check, sample, window, classify, decide, act, tell listeners. All
 * state lives here and is guarded by this object's monitor, so {@link #status} sees a consistent
 * picture from any thread while the loop thread ticks.
 *
 * <p>In a steady state (same verdict, same decision) a tick allocates nothing: verdicts and
 * decisions that did not change are reused, events are built only when someone listens, and
 * times are kept as epoch milliseconds.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    /** How often the controller's catalog is re-read (binaries get installed and removed). */
    private static final long CATALOG_REFRESH_MILLIS = Duration.ofMinutes(10).toMillis();
    /** What the policy sees before the classifier gave a verdict (its first call failed). */
    private static final Classification NO_VERDICT =
            Classification.of(dev.autosa.api.Workload.IDLE, 0, "no verdict yet");

    private final AutoSAConfig config;
    private final Mode mode;
    private final String modeReason;
    private final MetricSource source;
    /** The classifier run every tick: the chosen one, or the default when the chosen one refines it. */
    private final WorkloadClassifier classifier;
    private final @Nullable RefiningClassifier refined;
    private final @Nullable SchedulerController controller;
    private final InstantSource clock;
    private final List<AutoSAListener> listeners;
    private final Map<String, String> providers;

    private final SlidingWindow window;
    private final FailureTracker failures;
    private final Recommender recommender;
    private final SwitchPolicy policy;
    private final DecisionLog log;
    private final RepeatFilter repeats = new RepeatFilter();

    private long ticks;
    private long slowTicks;
    private long switches;
    private long holds;
    private long nones;
    private long failureCount;
    private long catalogReadMillis = Long.MIN_VALUE;
    private @Nullable Classification classification;
    private @Nullable Decision lastDecision;
    private @Nullable String recommended;
    private @Nullable Verdict lastVerdict;
    private @Nullable Verdict loggedVerdict;
    private @Nullable String loggedTarget;
    private @Nullable String lastTarget;
    private @Nullable ActiveScheduler lastActive;
    private long lastVerdictArg;
    private ActiveScheduler active = ActiveScheduler.KERNEL_DEFAULT;
    private AutoSAStatus.@Nullable SwitchRecord lastSwitch;

    public Engine(AutoSAConfig config, Mode mode, String modeReason, MetricSource source,
            WorkloadClassifier classifier, @Nullable Thresholds thresholds, @Nullable SchedulerController controller,
            InstantSource clock, List<AutoSAListener> listeners) {
        this.config = config;
        this.mode = mode;
        this.modeReason = modeReason;
        this.source = source;
        if (classifier instanceof RefiningClassifier r) {
            this.refined = r;
            this.classifier = thresholds == null ? new DefaultClassifier() : new DefaultClassifier(thresholds);
        } else {
            this.refined = null;
            this.classifier = classifier;
        }
        this.controller = controller;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        this.window = new SlidingWindow(config.windowTicks(), config.collectionInterval());
        this.failures = new FailureTracker(config.failureBackoff(), config.maxFailureBackoff(), config.blocklistAfter());
        this.recommender = new Recommender(config.preferences(), failures);
        this.policy = new SwitchPolicy(config, mode, failures);
        this.log = new DecisionLog(config.decisionLogSize());
        Map<String, String> p = new LinkedHashMap<>();
        p.put("metricSource", source.name());
        p.put("classifier", refined == null ? classifier.name() : refined.name());
        p.put("controller", controller == null ? "none" : controller.name());
        this.providers = Map.copyOf(p);
    }

    public Mode mode() {
        return mode;
    }

    /** Runs one tick and returns its decision. Never throws for a failing part: that becomes a problem event. */
    public synchronized Decision tick() {
        long startNanos = System.nanoTime();
        long now = clock.millis();
        ticks++;
        refreshCatalog(now);
        checkHealth(now);
        if (sample(now)) {
            classify(now);
        }
        Decision d = decideAndAct(now);
        long tookNanos = System.nanoTime() - startNanos;
        if (tookNanos > config.collectionInterval().toNanos()) {
            slowTicks++;
            problem(now, "tick took " + tookNanos / 1_000_000 + "ms, longer than the collection interval "
                    + format(config.collectionInterval()), Duration.ofNanos(tookNanos));
        }
        return d;
    }

    private void refreshCatalog(long now) {
        if (controller == null) {
            return;
        }
        if (catalogReadMillis == Long.MIN_VALUE || now - catalogReadMillis >= CATALOG_REFRESH_MILLIS) {
            catalogReadMillis = now;
            try {
                recommender.catalog(controller.available());
            } catch (RuntimeException e) {
                LOG.warn("could not read the scheduler catalog from {}", controller.name(), e);
            }
        }
    }

    private void checkHealth(long now) {
        if (controller == null) {
            return;
        }
        try {
            Optional<SchedulerFailure> failure = controller.checkHealth();
            if (failure.isPresent()) {
                recordFailure(now, failure.get());
            }
            active = controller.current();
        } catch (RuntimeException e) {
            slowTicks++;
            warnOrDebug("health", now, "scheduler controller " + controller.name() + " failed its health check: " + e, e);
            problem(now, "controller health check failed: " + e, Duration.ZERO);
        }
    }

    /** Samples into the window; false when the source failed (the window did not move). */
    private boolean sample(long now) {
        window.beginTick();
        try {
            source.sample(window);
            window.commitTick();
            window.machine(source.machine());
        } catch (Exception e) {
            // The tick's values are dropped; the window keeps what it had, the loop goes on.
            slowTicks++;
            warnOrDebug("source", now, "metric source " + source.name() + " failed this tick: " + e, null);
            problem(now, "metric source " + source.name() + " failed: " + e, Duration.ZERO);
            return false;
        }
        repeats.clear("source");
        if (!listeners.isEmpty()) {
            emit(new AutoSAEvent.Sampled(Instant.ofEpochMilli(now), window.lastTickSnapshot()));
        }
        return true;
    }

    /**
     * Classifies the tick just sampled: once per tick that moved the window, as the
     * {@link WorkloadClassifier} contract promises (a failed sample keeps the previous verdict).
     */
    private void classify(long now) {
        Classification c;
        try {
            c = refined == null ? classifier.classify(window) : refined.refine(window, classifier.classify(window));
        } catch (RuntimeException e) {
            slowTicks++;
            warnOrDebug("classifier", now, "classifier " + classifier.name() + " failed this tick: " + e, e);
            problem(now, "classifier " + classifier.name() + " failed: " + e, Duration.ZERO);
            return;
        }
        repeats.clear("classifier");
        if (c != classification) {
            classification = c;
            if (!listeners.isEmpty()) {
                emit(new AutoSAEvent.Classified(Instant.ofEpochMilli(now), c));
            }
        }
    }

    private Decision decideAndAct(long now) {
        Classification c = classification != null ? classification : NO_VERDICT;
        String target = recommender.resolve(c.workload());
        String running = active.isKernelDefault() ? null : active.scheduler();
        Verdict verdict = policy.decide(now, window.ticks(), c, target, active, running);
        long arg = verdictArgument(verdict, target);
        recommended = Recommender.schedulerOrNull(target);
        Decision d = lastDecision;
        if (d == null || verdict != lastVerdict || !Objects.equals(target, lastTarget) || c != d.classification()
                || arg != lastVerdictArg || !active.equals(lastActive)) {
            d = new Decision(Instant.ofEpochMilli(now), action(verdict), c, recommended, reason(verdict, c, target, now));
            lastVerdict = verdict;
            lastTarget = target;
            lastVerdictArg = arg;
            lastActive = active;
            // The log and the decision history record what the policy does (verdict and target);
            // a reason that only re-words it (a confidence of 0.83 instead of 0.82) goes to debug.
            if (verdict != loggedVerdict || !Objects.equals(target, loggedTarget)) {
                loggedVerdict = verdict;
                loggedTarget = target;
                log.add(d);
                LOG.info("{}: {} ({} {}) {}", d.action().id(), d.recommendedDisplay(), c.workload(),
                        String.format(Locale.ROOT, "%.2f", c.confidence()), d.reason());
            } else {
                LOG.debug("{}: {} {}", d.action().id(), d.recommendedDisplay(), d.reason());
            }
            if (!listeners.isEmpty()) {
                emit(new AutoSAEvent.Decided(d.time(), d));
            }
            lastDecision = d;
        }
        switch (d.action()) {
            case SWITCH -> switches++;
            case HOLD -> holds++;
            case NONE -> nones++;
            default -> throw new IllegalStateException();
        }
        if (verdict == Verdict.SWITCH) {
            performSwitch(now, target, d.reason());
            // The next tick must word a fresh decision against the new state.
            lastDecision = null;
        }
        return d;
    }

    /** A number that changes when the reason's wording would, so unchanged reasons are reused. */
    private long verdictArgument(Verdict verdict, String target) {
        return switch (verdict) {
            case WARMING_UP -> window.ticks();
            case NOT_STABLE -> policy.stableSinceMillis();
            case MIN_INTERVAL -> policy.nextSwitchAllowedMillis();
            case BACKOFF -> failures.backoffUntil(target);
            default -> 0;
        };
    }

    private static Decision.Action action(Verdict v) {
        return switch (v) {
            case SWITCH -> Decision.Action.SWITCH;
            case WARMING_UP, NO_CANDIDATE, ALREADY_RUNS -> Decision.Action.NONE;
            default -> Decision.Action.HOLD;
        };
    }

    private String reason(Verdict v, Classification c, String target, long now) {
        String to = target == Recommender.KERNEL_DEFAULT ? "the kernel default" : target;
        String conf = String.format(Locale.ROOT, "%.2f", c.confidence());
        String min = String.format(Locale.ROOT, "%.2f", config.minConfidence());
        return switch (v) {
            case WARMING_UP -> "warming up: " + format(config.collectionInterval().multipliedBy(window.ticks()))
                    + " of " + format(config.warmup()) + " of data";
            case NO_CANDIDATE -> "no installed scheduler for " + c.workload() + " (wanted "
                    + String.join(", ", recommender.candidates(c.workload())) + "); keeping " + active.displayName();
            case FOREIGN -> active.displayName() + " was started outside AutoSA; not interfering (hand it over with"
                    + " 'autosa adopt' or AutoSA.adoptRunningScheduler() to let AutoSA switch)";
            case ALREADY_RUNS -> to + " already runs (" + c.workload() + " " + conf + ")";
            case LOW_CONFIDENCE -> "confidence " + conf + " for " + c.workload() + " below threshold " + min;
            case NOT_STABLE -> "waiting for " + to + " to stay recommended for " + format(config.stabilityPeriod())
                    + " (since " + Instant.ofEpochMilli(policy.stableSinceMillis()) + ")";
            case MIN_INTERVAL -> "min switch interval " + format(config.minSwitchInterval()) + ": next switch allowed at "
                    + Instant.ofEpochMilli(policy.nextSwitchAllowedMillis());
            case BACKOFF -> target + " in failure backoff until " + Instant.ofEpochMilli(failures.backoffUntil(target))
                    + " after " + failures.failures(target) + " failure(s)";
            case AUTO_SWITCH_OFF -> "auto switch is off; would switch to " + to + " (" + c.workload() + " " + conf + ")";
            case RECOMMEND_MODE -> "recommend mode; would switch to " + to + " (" + c.workload() + " " + conf + " >= "
                    + min + ", stable " + format(config.stabilityPeriod()) + ")";
            case SWITCH -> "switching " + active.displayName() + " -> " + to + ": " + c.workload() + " " + conf + " >= "
                    + min + ", recommended for " + format(Duration.ofMillis(now - policy.stableSinceMillis()));
        };
    }

    private void performSwitch(long now, String target, String reason) {
        SchedulerController ctl = Objects.requireNonNull(controller, "a switch needs a controller");
        String from = active.isKernelDefault() ? null : active.scheduler();
        String to = Recommender.schedulerOrNull(target);
        try {
            if (to == null) {
                ctl.deactivate();
            } else {
                ctl.activate(config.specFor(to));
            }
            policy.switched(now);
            active = ctl.current();
            lastSwitch = new AutoSAStatus.SwitchRecord(Instant.ofEpochMilli(now), from, to, reason, mode == Mode.DRY_RUN);
            LOG.info("switched {} -> {}{}", from == null ? "kernel default" : from, to == null ? "kernel default" : to,
                    mode == Mode.DRY_RUN ? " (dry run)" : "");
            emit(new AutoSAEvent.Switched(Instant.ofEpochMilli(now), from, to, reason, mode == Mode.DRY_RUN));
        } catch (SchedulerException e) {
            policy.attemptFailed();
            recordFailure(now, e.failure());
            active = safeCurrent(ctl);
        } catch (RuntimeException e) {
            policy.attemptFailed();
            recordFailure(now, new SchedulerFailure(to == null ? String.valueOf(from) : to,
                    SchedulerFailure.Kind.START_FAILED, "controller threw " + e, null));
            active = safeCurrent(ctl);
        }
    }

    private ActiveScheduler safeCurrent(SchedulerController ctl) {
        try {
            return ctl.current();
        } catch (RuntimeException e) {
            LOG.warn("controller {} cannot report the running scheduler", ctl.name(), e);
            return ActiveScheduler.KERNEL_DEFAULT;
        }
    }

    private void recordFailure(long now, SchedulerFailure failure) {
        failureCount++;
        Duration backoff = failures.record(failure, now);
        boolean blocklisted = failures.isBlocklisted(failure.scheduler());
        LOG.warn("scheduler failure: {}; kernel default runs; {} backed off for {}{}", failure, failure.scheduler(),
                format(backoff), blocklisted ? " and blocklisted" : "");
        lastDecision = null;
        emit(new AutoSAEvent.Failed(Instant.ofEpochMilli(now), failure, backoff, blocklisted));
    }

    private void problem(long now, String what, Duration took) {
        if (!listeners.isEmpty()) {
            emit(new AutoSAEvent.TickProblem(Instant.ofEpochMilli(now), what, took));
        }
    }

    private void emit(AutoSAEvent event) {
        for (int i = 0; i < listeners.size(); i++) {
            try {
                listeners.get(i).onEvent(event);
            } catch (RuntimeException e) {
                warnOrDebug("listener " + i, event.time().toEpochMilli(), "listener " + listeners.get(i) + " failed on "
                        + event.getClass().getSimpleName() + ": " + e, e);
            }
        }
    }

    /** Warns about a recurring problem once a minute at most (see {@link RepeatFilter}); debug otherwise. */
    private void warnOrDebug(String source, long now, String message, @Nullable Throwable cause) {
        int suppressed = repeats.shouldWarn(source, message, now);
        if (suppressed < 0) {
            LOG.debug("{}", message);
        } else if (suppressed > 0) {
            LOG.warn("{} (repeated {} more times in the last minute)", message, suppressed, cause);
        } else {
            LOG.warn("{}", message, cause);
        }
    }

    /** A switch asked for from outside the policy (see {@code AutoSA.requestSwitch}). */
    public synchronized SwitchOutcome requestSwitch(@Nullable String scheduler, String requestedBy) {
        long now = clock.millis();
        String to = scheduler == null ? "the kernel default" : scheduler;
        String running = active.isKernelDefault() ? null : active.scheduler();
        if (Objects.equals(running, scheduler)) {
            return new SwitchOutcome(true, to + " already runs; nothing to do", active);
        }
        String refusal = ManualSwitchRules.refusal(scheduler, mode, modeReason, controller, active, config, policy,
                failures, now);
        if (refusal != null) {
            LOG.info("refused a switch to {} requested by {}: {}", to, requestedBy, refusal);
            return new SwitchOutcome(false, refusal, active);
        }
        String reason = "requested by " + requestedBy;
        long failuresBefore = failureCount;
        performSwitch(now, scheduler == null ? Recommender.KERNEL_DEFAULT : scheduler, reason);
        lastDecision = null;
        String nowRunning = active.isKernelDefault() ? null : active.scheduler();
        if (failureCount != failuresBefore || !Objects.equals(nowRunning, scheduler)) {
            String detail = failures.snapshot(now).stream().filter(f -> f.scheduler().equals(scheduler))
                    .map(f -> ": " + f.lastDetail()).findFirst().orElse("");
            return new SwitchOutcome(false, "switching to " + to + " failed; " + active.displayName() + " runs"
                    + detail, active);
        }
        return new SwitchOutcome(true, "switched to " + to + " (" + reason + ")"
                + (mode == Mode.DRY_RUN ? "; dry run: simulated, the kernel was not touched" : ""), active);
    }

    /** Lets the controller take over a scheduler someone else started. */
    public synchronized boolean adoptRunningScheduler() {
        if (controller == null) {
            return false;
        }
        boolean adopted = controller.adopt();
        active = controller.current();
        lastDecision = null;
        return adopted;
    }

    /** Stops what AutoSA started (unless keep), then releases the parts. */
    public synchronized void shutdown(boolean keepScheduler) {
        if (controller != null) {
            try {
                controller.close(keepScheduler);
            } catch (RuntimeException e) {
                LOG.error("controller {} failed to close; check /sys/kernel/sched_ext/state", controller.name(), e);
            }
            // A closed controller cannot be asked any more; what it was told to do is what runs now.
            if (!keepScheduler && active.managed()) {
                active = ActiveScheduler.KERNEL_DEFAULT;
            }
        }
        try {
            source.close();
        } catch (Exception e) {
            LOG.warn("metric source {} failed to close", source.name(), e);
        }
    }

    public synchronized AutoSAStatus status(boolean running, @Nullable Instant startedAt) {
        long now = clock.millis();
        long next = policy.nextSwitchAllowedMillis();
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("ticks", ticks);
        counters.put("switches", switches);
        counters.put("holds", holds);
        counters.put("none", nones);
        counters.put("failures", failureCount);
        counters.put("slowTicks", slowTicks);
        return new AutoSAStatus(Instant.ofEpochMilli(now), running, startedAt, mode, modeReason, providers, ticks,
                slowTicks, classification, recommended, active, lastSwitch,
                next > now ? Instant.ofEpochMilli(next) : null, failures.snapshot(now), log.snapshot(),
                counters, window.meansSnapshot());
    }
}
