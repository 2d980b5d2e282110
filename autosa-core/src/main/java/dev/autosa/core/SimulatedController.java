// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.SchedulerException;
import dev.autosa.api.SchedulerFailure;
import dev.autosa.api.SchedulerInfo;
import dev.autosa.api.SchedulerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A scheduler controller that touches nothing: it keeps the state a sched_ext kernel would have.
 * Dry-run mode uses it, and tests inject the failures a real controller reports (a scheduler that
 * will not start, dies, is ejected, or was started by someone else).
 */
public final class SimulatedController implements SchedulerController {

    /** The five schedulers AutoSA recommends by default, all "installed" in the simulation. */
    public static final List<String> SEED_SCHEDULERS =
            List.of("scx_bpfland", "scx_flash", "scx_lavd", "scx_rusty", "scx_simple");

    private final Map<String, SchedulerInfo> catalog = new LinkedHashMap<>();
    private final Map<String, SchedulerFailure.Kind> failOnActivate = new HashMap<>();
    private final List<String> history = new ArrayList<>();
    private ActiveScheduler current = ActiveScheduler.KERNEL_DEFAULT;
    private @Nullable SchedulerFailure pendingFailure;
    private long nextPid = 1000;

    /** Simulates a machine with the five seed schedulers installed. */
    public SimulatedController() {
        this(SEED_SCHEDULERS);
    }

    /**
     * Simulates a machine with exactly these schedulers installed.
     *
     * @param installed the {@code scx_*} names the catalog lists as installed; may be empty
     * @throws IllegalArgumentException when a name is not a scheduler name
     */
    public SimulatedController(List<String> installed) {
        for (String name : installed) {
            catalog.put(name, SchedulerInfo.installed(name, "simulated", Path.of("/simulated", name)));
        }
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public int priority() {
        return -100;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public synchronized List<SchedulerInfo> available() {
        return List.copyOf(catalog.values());
    }

    @Override
    public synchronized ActiveScheduler current() {
        return current;
    }

    @Override
    public synchronized ActiveScheduler activate(SchedulerSpec spec) throws SchedulerException {
        history.add("activate " + spec);
        SchedulerInfo info = catalog.get(spec.name());
        if (info == null || !info.installed()) {
            throw new SchedulerException(new SchedulerFailure(spec.name(), SchedulerFailure.Kind.START_FAILED,
                    "not installed", null));
        }
        current = ActiveScheduler.KERNEL_DEFAULT;
        SchedulerFailure.Kind injected = failOnActivate.get(spec.name());
        if (injected != null) {
            throw new SchedulerException(new SchedulerFailure(spec.name(), injected, "injected failure", 1));
        }
        current = new ActiveScheduler(ActiveScheduler.State.ENABLED, spec.name().substring(4), spec.name(),
                nextPid++, true);
        return current;
    }

    @Override
    public synchronized void deactivate() {
        history.add("deactivate");
        current = ActiveScheduler.KERNEL_DEFAULT;
    }

    @Override
    public synchronized Optional<SchedulerFailure> checkHealth() {
        SchedulerFailure f = pendingFailure;
        pendingFailure = null;
        return Optional.ofNullable(f);
    }

    @Override
    public synchronized boolean adopt() {
        if (current.isKernelDefault() || current.managed()) {
            return false;
        }
        history.add("adopt " + current.scheduler());
        current = new ActiveScheduler(current.state(), current.ops(), current.scheduler(), current.pid(), true);
        return true;
    }

    @Override
    public synchronized void close(boolean keepScheduler) {
        history.add("close keep=" + keepScheduler);
        if (!keepScheduler && current.managed()) {
            current = ActiveScheduler.KERNEL_DEFAULT;
        }
    }

    /**
     * Every later activation of {@code scheduler} fails with {@code kind} (until {@link #heal}).
     *
     * @param scheduler the {@code scx_*} name
     * @param kind the failure {@link #activate} reports, with exit code 1
     */
    public synchronized void failActivation(String scheduler, SchedulerFailure.Kind kind) {
        failOnActivate.put(scheduler, kind);
    }

    /**
     * Activations of {@code scheduler} work again.
     *
     * @param scheduler the {@code scx_*} name given to {@link #failActivation}
     */
    public synchronized void heal(String scheduler) {
        failOnActivate.remove(scheduler);
    }

    /**
     * The running scheduler fails; the kernel default runs and the next health check reports it.
     *
     * @param kind how: {@code EXITED} (it died) or {@code EJECTED} (the kernel disabled it)
     * @throws IllegalStateException when no scheduler runs
     */
    public synchronized void crash(SchedulerFailure.Kind kind) {
        if (current.isKernelDefault()) {
            throw new IllegalStateException("no scheduler runs, nothing can crash");
        }
        pendingFailure = new SchedulerFailure(String.valueOf(current.scheduler()), kind, "injected " + kind, null);
        current = ActiveScheduler.KERNEL_DEFAULT;
    }

    /**
     * Someone else starts {@code scheduler} (by hand, scx_loader): AutoSA must not fight it.
     *
     * @param scheduler the {@code scx_*} name that now runs, not managed by this controller
     */
    public synchronized void startedByOthers(String scheduler) {
        history.add("foreign " + scheduler);
        current = new ActiveScheduler(ActiveScheduler.State.ENABLED, scheduler.substring(4), scheduler, nextPid++,
                false);
    }

    /** {@return what was asked of the controller, in order, e.g. {@code ["activate scx_rusty", "deactivate"]}} */
    public synchronized List<String> history() {
        return List.copyOf(history);
    }
}
