// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import static dev.autosa.core.Durations.format;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.AutoSAEvent;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.SchedulerException;
import dev.autosa.api.SchedulerFailure;
import dev.autosa.core.AutoSAConfig;
import dev.autosa.core.AutoSAStatus;
import dev.autosa.core.Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's hand on the controller: knows which scheduler runs, switches it, and records
 * scheduler failures with their backoff. Used only under the engine's monitor.
 */
final class Switcher {

    // Switches and failures are the engine's story in the log, so they keep its logger name.
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final AutoSAConfig config;
    private final Mode mode;
    private final @Nullable SchedulerController controller;
    private final SwitchPolicy policy;
    private final FailureTracker failures;
    private final Events events;
    private final ClosedLoop closedLoop;
    private final TickCounters counters;

    private ActiveScheduler active = ActiveScheduler.KERNEL_DEFAULT;
    private AutoSAStatus.@Nullable SwitchRecord lastSwitch;

    Switcher(AutoSAConfig config, Mode mode, @Nullable SchedulerController controller, SwitchPolicy policy,
            FailureTracker failures, Events events, ClosedLoop closedLoop, TickCounters counters) {
        this.config = config;
        this.mode = mode;
        this.controller = controller;
        this.policy = policy;
        this.failures = failures;
        this.events = events;
        this.closedLoop = closedLoop;
        this.counters = counters;
    }

    /** What runs, as the controller last reported it. */
    ActiveScheduler active() {
        return active;
    }

    /** Takes what the controller reports as what runs (after a health check, an adoption or a close). */
    void observed(ActiveScheduler now) {
        active = now;
    }

    /** The scheduler AutoSA knows to run, or null for the kernel default. */
    @Nullable String running() {
        return active.isKernelDefault() ? null : active.scheduler();
    }

    AutoSAStatus.@Nullable SwitchRecord lastSwitch() {
        return lastSwitch;
    }

    /** Switches to {@code target}; an {@code experiment} switch is then evaluated, a revert is not. */
    void perform(long now, String target, String reason, boolean experiment) {
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
            // Set before listeners hear of the switch, so a listener asking for status sees the new scheduler.
            active = ctl.current();
            lastSwitch = new AutoSAStatus.SwitchRecord(Instant.ofEpochMilli(now), from, to, reason, mode == Mode.DRY_RUN);
            LOG.info("switched {} -> {}{}", from == null ? "kernel default" : from, to == null ? "kernel default" : to,
                    mode == Mode.DRY_RUN ? " (dry run)" : "");
            events.emit(new AutoSAEvent.Switched(Instant.ofEpochMilli(now), from, to, reason, mode == Mode.DRY_RUN));
            closedLoop.switched(now, from, to, OutcomeHistory.schedulerVersion(active.ops()),
                    experiment && Objects.equals(running(), to), Engine.NO_VERDICT);
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

    /** Counts the failure, backs the scheduler off (maybe blocklists it) and tells listeners. */
    void recordFailure(long now, SchedulerFailure failure) {
        counters.failed();
        Duration backoff = failures.record(failure, now);
        boolean blocklisted = failures.isBlocklisted(failure.scheduler());
        LOG.warn("scheduler failure: {}; kernel default runs; {} backed off for {}{}", failure, failure.scheduler(),
                format(backoff), blocklisted ? " and blocklisted" : "");
        events.emit(new AutoSAEvent.Failed(Instant.ofEpochMilli(now), failure, backoff, blocklisted));
    }
}
