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
import dev.autosa.api.SchedulerFailure;
import dev.autosa.api.WorkloadClassifier;
import dev.autosa.core.AutoSAConfig;
import dev.autosa.core.Thresholds;
import dev.autosa.core.ExperimentStatus;
import dev.autosa.core.Mode;
import dev.autosa.core.SwitchOutcome;
import dev.autosa.core.internal.SwitchPolicy.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tick of AutoSA: health check, sample, window, classify, decide, act, tell listeners. All
 * state lives here and is guarded by this object's monitor, so {@link #snapshot} sees a consistent
 * picture from any thread while the loop thread ticks.
 *
 * <p>In a steady state (same verdict, same decision) a tick allocates nothing: verdicts and
 * decisions that did not change are reused, events are built only when someone listens, and
 * times are kept as epoch milliseconds.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    /** What the policy sees before the classifier gave a verdict (its first call failed). */
    static final Classification NO_VERDICT =
            Classification.of(dev.autosa.api.Workload.IDLE, 0, "no verdict yet");

    private final AutoSAConfig config;
    private final Mode mode;
    private final String modeReason;
    private final MetricSource source;
    private final ClassifierRun classifier;
    private final @Nullable SchedulerController controller;
    private final InstantSource clock;
    private final Map<String, String> providers;

    private final SlidingWindow window;
    private final CheckedSink sink;
    private final FailureTracker failures;
    private final Recommender recommender;
    private final SwitchPolicy policy;
    private final DecisionWording wording;
    private final DecisionLog log;
    private final Warnings warnings = new Warnings(LOG);
    private final Events events;
    private final MissedTicks missed;
    private final ClosedLoop closedLoop;
    private final TickCounters counters = new TickCounters();
    private final Switcher switcher;

    private volatile @Nullable Thread tickThread;
    private @Nullable Runnable afterTick;
    private @Nullable Classification classification;
    private @Nullable Classification lastActedOn;
    private @Nullable Decision lastDecision;
    private @Nullable String recommended;
    private @Nullable Verdict lastVerdict;
    private @Nullable String lastTarget;
    private @Nullable ActiveScheduler lastActive;
    private long lastVerdictArg;

    public Engine(AutoSAConfig config, Mode mode, String modeReason, MetricSource source,
            WorkloadClassifier classifier, @Nullable Thresholds thresholds, @Nullable SchedulerController controller,
            InstantSource clock, List<AutoSAListener> listeners, ClosedLoop closedLoop) {
        this.config = config;
        this.mode = mode;
        this.modeReason = modeReason;
        this.source = source;
        this.classifier = new ClassifierRun(classifier, thresholds);
        this.controller = controller;
        this.clock = clock;
        this.missed = new MissedTicks(config.collectionInterval(), warnings);
        this.events = new Events(listeners, warnings);
        this.window = new SlidingWindow(config.windowTicks(), config.collectionInterval());
        this.sink = new CheckedSink(window);
        this.failures = new FailureTracker(config.failureBackoff(), config.maxFailureBackoff(), config.blocklistAfter());
        this.closedLoop = closedLoop;
        this.recommender = new Recommender(config.preferences(), failures, closedLoop.history());
        this.policy = new SwitchPolicy(config, mode, failures);
        this.wording = new DecisionWording(config, policy, failures, recommender, closedLoop);
        this.log = new DecisionLog(config.decisionLogSize());
        this.switcher = new Switcher(config, mode, controller, policy, failures, events, closedLoop, counters);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("metricSource", source.name());
        p.put("classifier", this.classifier.name());
        p.put("controller", controller == null ? "none" : controller.name());
        p.put("objective", closedLoop.objective().name());
        this.providers = Map.copyOf(p);
    }

    public Mode mode() {
        return mode;
    }

    public Duration interval() {
        return config.collectionInterval();
    }

    /** The engine's clock, now. */
    public Instant now() {
        return clock.instant();
    }

    /** Runs one tick and returns its decision. Never throws for a failing part: that becomes a problem event. */
    public synchronized Decision tick() {
        tickThread = Thread.currentThread();
        try {
            long startNanos = System.nanoTime();
            long now = clock.millis();
            missed.tick(now);
            counters.tick();
            if (controller != null) {
                recommender.refresh(controller, now);
            }
            checkHealth(now);
            if (sample(now)) {
                classify(now);
                evaluate(now);
            }
            Decision d = decideAndAct(now);
            long tookNanos = System.nanoTime() - startNanos;
            if (tookNanos > config.collectionInterval().toNanos()) {
                counters.slowTick();
                events.problem(now, "tick took " + tookNanos / 1_000_000 + "ms, longer than the collection interval "
                        + format(config.collectionInterval()), Duration.ofNanos(tookNanos));
            }
            return d;
        } finally {
            tickThread = null;
            Runnable r = afterTick;
            afterTick = null;
            if (r != null) {
                r.run();
            }
        }
    }

    /** Whether the calling thread is inside {@link #tick()} (e.g. a listener). */
    public boolean isTickingOnCurrentThread() {
        return tickThread == Thread.currentThread();
    }

    /** Runs {@code action} when the current tick ends; only from inside a tick (see {@link #isTickingOnCurrentThread()}). */
    public void afterTick(Runnable action) {
        if (!isTickingOnCurrentThread()) {
            throw new IllegalStateException("afterTick() is for code running inside a tick");
        }
        afterTick = action;
    }

    private void checkHealth(long now) {
        if (controller == null) {
            return;
        }
        try {
            Optional<SchedulerFailure> failure = controller.checkHealth();
            if (failure.isPresent()) {
                lastDecision = null;
                switcher.recordFailure(now, failure.get());
            }
            switcher.observed(controller.current());
        } catch (RuntimeException e) {
            partFailed(now, "health", "scheduler controller " + controller.name() + " failed its health check: " + e, e);
        }
    }

    /** Samples into the window; false when the source failed (the window did not move). */
    private boolean sample(long now) {
        window.beginTick();
        sink.beginTick();
        try {
            source.sample(sink);
            window.commitTick();
            window.machine(source.machine());
        } catch (Exception e) {
            // The tick's values are dropped; the window keeps what it had, the loop goes on.
            partFailed(now, "source", "metric source " + source.name() + " failed this tick: " + e, null);
            return false;
        }
        warnings.clear("source");
        if (sink.rejectedThisTick() > 0) {
            // One wording per key, so the warning repeats at most once a minute (counted in status).
            warnings.warnOrDebug("range", now, "metric source " + source.name() + " wrote " + sink.lastRejectedKey()
                    + " outside its documented range (shares 0..1, rates >= 0); such values are dropped, not"
                    + " classified (status counters.rejectedValues)", null);
        }
        if (events.any()) {
            events.emit(new AutoSAEvent.Sampled(Instant.ofEpochMilli(now), window.lastTickSnapshot()));
        }
        return true;
    }

    private void classify(long now) {
        Classification c;
        try {
            c = classifier.classify(window);
        } catch (RuntimeException e) {
            partFailed(now, "classifier", "classifier " + classifier.name() + " failed this tick: " + e, e);
            return;
        }
        if (c == null) { // a plug-in may break its contract; the previous verdict stands
            partFailed(now, "classifier", "classifier " + classifier.name()
                    + " returned null; the previous verdict stands", null);
            return;
        }
        warnings.clear("classifier");
        // While a switch is evaluated or after it was kept, the class it was made for sticks for the policy.
        closedLoop.classified(c);
        if (c != classification) {
            classification = c;
            if (events.any()) {
                events.emit(new AutoSAEvent.Classified(Instant.ofEpochMilli(now), c));
            }
        }
    }

    private void partFailed(long now, String part, String what, @Nullable Throwable cause) {
        counters.slowTick();
        warnings.warnOrDebug(part, now, what, cause);
        events.problem(now, what, Duration.ZERO);
    }

    /** Reads the objective; when the experiment around the last switch found it worse, switches back. */
    private void evaluate(long now) {
        AutoSAEvent.Evaluated verdict = closedLoop.tick(now, window, NO_VERDICT, switcher.running());
        if (verdict != null) {
            lastDecision = null;
            events.emit(verdict);
            if (verdict.reverted()) {
                counters.reverted(); // back to what ran before, whatever the min switch interval says
                String from = verdict.from();
                switcher.perform(now, from == null ? Recommender.KERNEL_DEFAULT : from, verdict.explanation(), false);
            }
        }
    }

    private Decision decideAndAct(long now) {
        Classification raw = classification != null ? classification : NO_VERDICT;
        Classification c = closedLoop.effective(raw);
        String target = recommender.resolve(c.workload(), now);
        ActiveScheduler active = switcher.active();
        String running = switcher.running();
        Verdict verdict = policy.decide(now, window.ticks(), c, target, active, running);
        if (verdict == Verdict.ALREADY_RUNS && closedLoop.evaluating()) {
            verdict = Verdict.EVALUATING;
        }
        long arg = wording.argument(verdict, target, window.ticks());
        recommended = Recommender.schedulerOrNull(target);
        Decision d = lastDecision;
        if (d == null || verdict != lastVerdict || !Objects.equals(target, lastTarget) || raw != d.classification()
                || c != lastActedOn || arg != lastVerdictArg || !active.equals(lastActive)) {
            Decision.Reason why = wording.reason(verdict, c, target, now, window.ticks());
            d = new Decision(Instant.ofEpochMilli(now), DecisionWording.action(verdict), raw, recommended, why,
                    closedLoop.explain(wording.words(why, c, target, active), raw, c));
            lastActedOn = c;
            lastVerdict = verdict;
            lastTarget = target;
            lastVerdictArg = arg;
            lastActive = active;
            log.offer(d);
            if (events.any()) {
                events.emit(new AutoSAEvent.Decided(d.time(), d));
            }
            lastDecision = d;
        }
        counters.decided(d.action());
        if (verdict == Verdict.SWITCH) {
            switcher.perform(now, target, d.reason(), true);
            // The next tick must word a fresh decision against the new state.
            lastDecision = null;
        }
        return d;
    }

    /** A switch asked for from outside the policy (see {@code AutoSA.requestSwitch}). */
    public synchronized SwitchOutcome requestSwitch(@Nullable String scheduler, String requestedBy) {
        long now = clock.millis();
        String to = scheduler == null ? "the kernel default" : scheduler;
        if (Objects.equals(switcher.running(), scheduler)) {
            return new SwitchOutcome(true, to + " already runs; nothing to do", switcher.active());
        }
        String refusal = ManualSwitchRules.refusal(scheduler, mode, modeReason, controller, switcher.active(), config,
                policy, failures, now);
        if (refusal != null) {
            LOG.info("refused a switch to {} requested by {}: {}", to, requestedBy, refusal);
            return new SwitchOutcome(false, refusal, switcher.active());
        }
        String reason = "requested by " + requestedBy;
        long failuresBefore = counters.failures();
        // A requested switch is an experiment like any other: measured, and reverted if it made things worse.
        switcher.perform(now, scheduler == null ? Recommender.KERNEL_DEFAULT : scheduler, reason, true);
        lastDecision = null;
        if (counters.failures() != failuresBefore || !Objects.equals(switcher.running(), scheduler)) {
            String detail = failures.snapshot(now).stream().filter(f -> f.scheduler().equals(scheduler))
                    .map(f -> ": " + f.lastDetail()).findFirst().orElse("");
            return new SwitchOutcome(false, "switching to " + to + " failed; " + switcher.active().displayName()
                    + " runs" + detail, switcher.active());
        }
        return new SwitchOutcome(true, "switched to " + to + " (" + reason + ")"
                + (mode == Mode.DRY_RUN ? "; dry run: simulated, the kernel was not touched" : ""), switcher.active());
    }

    /** Lets the controller take over a scheduler someone else started. */
    public synchronized boolean adoptRunningScheduler() {
        if (controller == null) {
            return false;
        }
        boolean adopted = controller.adopt();
        switcher.observed(controller.current());
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
            if (!keepScheduler && switcher.active().managed()) {
                switcher.observed(ActiveScheduler.KERNEL_DEFAULT);
            }
        }
        try {
            source.close();
        } catch (Exception e) {
            LOG.warn("metric source {} failed to close", source.name(), e);
        }
    }

    public synchronized ExperimentStatus experimentStatus() {
        return closedLoop.status(clock.millis());
    }

    public synchronized EngineSnapshot snapshot() {
        long now = clock.millis();
        long next = policy.nextSwitchAllowedMillis();
        return new EngineSnapshot(Instant.ofEpochMilli(now),
                missed.lastTickMillis() == Long.MIN_VALUE ? null : Instant.ofEpochMilli(missed.lastTickMillis()), mode,
                modeReason,
                providers, classification, recommended, switcher.active(), switcher.lastSwitch(),
                next > now ? Instant.ofEpochMilli(next) : null, failures.snapshot(now), log.snapshot(),
                counters.snapshot(missed.missed(), sink.rejected()), window.meansSnapshot());
    }
}
